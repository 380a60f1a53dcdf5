"""The store: the only package that imports duckdb.

One process owns a store file at a time (DuckDB allows one writer). `Store.open` applies migrations,
records the schema version in `meta`, and turns DuckDB's lock and I/O errors into one-line
`StoreError`s naming the file and the fix. Writes happen in one transaction per batch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from multipolar.errors import SettingsError, StoreError, StoreLockedError
from multipolar.records import Document, RawDocument, Rejection, utcnow
from multipolar.safe_text import repair
from multipolar.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "multipolar.duckdb"
_SIZE = re.compile(r"^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", re.IGNORECASE)

_CLEAN_COLUMNS = (
    "cleaned_by", "input_id", "title", "author", "outlet", "url", "published", "published_from",
    "language", "is_english", "encoding", "text", "removed", "boilerplate_removed", "flags", "extra",
)


# what writing one batch can fail with because of a value in it (the batch is rolled back)
_WRITE_ERRORS = (duckdb.Error, pa.ArrowException, UnicodeError, ValueError, OverflowError, RecursionError, TypeError)


class Store:
    """A DuckDB store file. Use `Store.open(path)`; close it (or use it as a context manager)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, read_only: bool = False, memory_limit: str | None = None) -> Store:
        path = str(path)
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError(
                f"store {path} does not exist: run `multipolar ingest PATH --db {path}` first, or pass --db"
            )
        if path != ":memory:":
            parent = Path(path).resolve().parent
            if not parent.is_dir():
                raise StoreError(f"store {path}: folder {parent} does not exist; create it or choose another --db")
        try:
            config: dict[str, Any] = {}
            if memory_limit:
                if not _SIZE.match(memory_limit):
                    raise SettingsError(
                        f"store_memory_limit {memory_limit!r}: expected a size such as 256MB or 2GB"
                    )
                config["memory_limit"] = memory_limit
            con = duckdb.connect(path, read_only=read_only, config=config)
        except duckdb.IOException as exc:
            raise _lock_or_io_error(path, exc) from None
        except duckdb.Error as exc:
            raise StoreError(f"store {path} cannot be opened ({_first_line(exc)}); is it a DuckDB file?") from None
        con.execute("SET enable_progress_bar = false")  # our own progress bars only
        store = cls(con, path, read_only=read_only)
        store._migrate()
        return store

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> Store:
        """This store through a new cursor of its connection, for another thread (a DuckDB connection must not
        run two queries at once; its cursors may); closing it closes the cursor only."""
        return Store(self.con.cursor(), self.path, read_only=self.read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {version}, newer than this multipolar "
                f"({SCHEMA_VERSION}): upgrade multipolar"
            )
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(f"store {self.path} needs a migration: open it once without --read-only")
        with self.transaction():
            for statements in MIGRATIONS[version:]:
                for sql in statements:
                    self.con.execute(sql)
            self._set_meta("schema_version", str(SCHEMA_VERSION))

    def schema_version(self) -> int:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchall()[0][0]
        if not has_meta:
            return 0
        rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        row = rows[0] if rows else None
        return int(row[0]) if row else 0

    # -- transactions and meta -----------------------------------------------------------------
    def transaction(self) -> _Transaction:
        return _Transaction(self.con)

    def _set_meta(self, key: str, value: str) -> None:
        self.con.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def set_meta(self, values: dict[str, Any]) -> None:
        with self.transaction():
            for key, value in values.items():
                self._set_meta(key, value if isinstance(value, str) else json.dumps(value))

    def meta(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT key, value FROM meta ORDER BY key").fetchall())

    # -- documents -----------------------------------------------------------------------------
    def add_raw(self, raws: Sequence[RawDocument]) -> list[str]:
        """Store raw documents verbatim (one transaction); return the doc_ids that were new."""
        if not raws:
            return []
        now = utcnow()
        ids = [r.doc_id for r in raws]
        table = pa.table(
            {
                "doc_id": ids,
                "source_uri": [_safe(r.source_uri) for r in raws],
                "raw": pa.array([r.raw for r in raws], type=pa.binary()),
                "raw_format": [r.raw_format for r in raws],
                "fields": pa.array([_stored_fields(r) for r in raws], type=pa.string()),
                "ingested_at": pa.array([now] * len(raws), type=pa.timestamp("us")),
            }
        )
        with self.transaction():
            self.con.register("_raw_batch", table)
            try:
                existing = {
                    row[0]
                    for row in self.con.execute(
                        "SELECT doc_id FROM documents WHERE doc_id IN (SELECT doc_id FROM _raw_batch)"
                    ).fetchall()
                }
                self.con.execute(
                    """INSERT OR IGNORE INTO documents (doc_id, source_uri, raw, raw_format, fields, ingested_at)
                       SELECT doc_id, source_uri, raw, raw_format, fields::JSON, ingested_at FROM _raw_batch"""
                )
            finally:
                self.con.unregister("_raw_batch")
        seen: set[str] = set()
        new: list[str] = []
        for doc_id in ids:
            if doc_id not in existing and doc_id not in seen:
                new.append(doc_id)
            seen.add(doc_id)
        return new

    def uncleaned(self, *, limit: int, after: str | None = None) -> list[RawDocument]:
        """Up to `limit` raw documents not yet cleaned (ones a killed or failed run left behind), in doc_id
        order from after `after`: a caller that reads ahead of its writes pages through them once."""
        rows = self.con.execute(
            "SELECT source_uri, raw, raw_format, fields FROM documents WHERE cleaned_by IS NULL AND doc_id > ? "
            "ORDER BY doc_id LIMIT ?",
            [after or "", limit],
        ).fetchall()
        return [raw_from_row(*row) for row in rows]

    def save_clean(self, documents: Sequence[Document], *, stage: str, run: int | None = None) -> list[tuple[Document, str]]:
        """Store cleaned documents in one transaction; return those that cannot be stored, each with
        the reason (the rest of the batch is stored without them, never half of it)."""
        if not documents:
            return []
        try:
            self._save_clean(documents, stage=stage, run=run)
            return []
        except _WRITE_ERRORS:
            pass
        failed: list[tuple[Document, str]] = []
        for document in documents:  # the batch failed as a whole: find the document(s) at fault
            try:
                self._save_clean([document], stage=stage, run=run)
            except _WRITE_ERRORS as exc:
                failed.append((document, f"{type(exc).__name__}: {_first_line(exc)[:200]}"))
        return failed

    def _save_clean(self, documents: Sequence[Document], *, stage: str, run: int | None) -> None:
        table = pa.table(
            {
                "doc_id": [d.doc_id for d in documents],
                "cleaned_by": [stage] * len(documents),
                "clean_run": pa.array([run] * len(documents), type=pa.int32()),
                "input_id": [_safe(d.input_id) for d in documents],
                "title": [_safe(d.title) for d in documents],
                "author": [_safe(d.author) for d in documents],
                "outlet": [_safe(d.outlet) for d in documents],
                "url": [_safe(d.url) for d in documents],
                "published": pa.array([d.published for d in documents], type=pa.date32()),
                "published_from": [d.published_from for d in documents],
                "language": [d.language for d in documents],
                "is_english": [d.is_english for d in documents],
                "encoding": [d.encoding for d in documents],
                "text": [_safe(d.text) for d in documents],
                "removed": [_safe(json.dumps(list(d.removed), ensure_ascii=False)) for d in documents],
                "boilerplate_removed": [float(d.boilerplate_removed) for d in documents],
                "flags": [json.dumps(list(d.flags)) for d in documents],
                "extra": [_safe(json.dumps(d.extra, default=str, ensure_ascii=False)) for d in documents],
            }
        )
        sets = ", ".join(
            f"{c} = b.{c}::JSON" if c in {"removed", "flags", "extra"} else f"{c} = b.{c}"
            for c in (*_CLEAN_COLUMNS, "clean_run")
        )
        with self.transaction():
            self.con.register("_clean_batch", table)
            try:
                self.con.execute(f"UPDATE documents SET {sets} FROM _clean_batch b WHERE documents.doc_id = b.doc_id")
            finally:
                self.con.unregister("_clean_batch")

    def mark_cleaned(self, doc_ids: Sequence[str], *, stage: str, run: int | None = None) -> None:
        """Mark documents whose cleaning was rejected, so a re-run does not retry them forever."""
        if doc_ids:
            self.con.execute(
                "UPDATE documents SET cleaned_by = ?, clean_run = ? WHERE doc_id IN (SELECT unnest(?))",
                [stage, run, list(doc_ids)],
            )

    def count_documents(self) -> int:
        return self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0]

    # -- rejections ----------------------------------------------------------------------------
    def add_rejections(self, rejections: Sequence[Rejection]) -> None:
        """Store rejections; the same (input, stage, code) again replaces the earlier row."""
        if not rejections:
            return
        now = utcnow()
        with self.transaction():
            for r in rejections:
                self.con.execute(
                    "DELETE FROM rejections WHERE source_uri = ? AND stage = ? AND code = ? "
                    "AND coalesce(doc_id, '') = coalesce(?, '')",
                    [_safe(r.source_uri), r.stage, r.code, r.doc_id],
                )
                self.con.execute(
                    "INSERT INTO rejections VALUES (?, ?, ?, ?, ?, ?)",
                    [_safe(r.source_uri), r.doc_id, r.stage, r.code, _safe(r.message), now],
                )

    # -- generic reads for the CLI -------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cursor = self.con.execute(sql, list(params))
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()


class _Transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        self.con.begin()
        return self.con

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.con.commit()
        else:
            self.con.rollback()


def raw_from_row(source_uri: str, raw: bytes, raw_format: str, fields: str | None) -> RawDocument:
    """A stored raw document as it was read: its verbatim bytes and the fields stored beside them."""
    if fields:
        parsed = json.loads(fields)
    elif raw_format == "json":
        parsed = json.loads(bytes(raw))
    else:
        parsed = {}
    return RawDocument(
        source_uri=source_uri, raw=bytes(raw), raw_format=raw_format, fields=parsed,
        encoding=parsed.pop("_encoding", None) if isinstance(parsed, dict) else None,
    )


def _stored_fields(raw: RawDocument) -> str | None:
    """The fields worth storing beside the raw bytes: none for a JSON record (they are its bytes)."""
    if raw.raw_format == "json" and not raw.encoding:
        return None
    fields = {**raw.fields, "_encoding": raw.encoding} if raw.encoding else raw.fields
    return _safe(json.dumps(fields, default=str, ensure_ascii=False))


def _safe(text: str | None) -> str | None:
    """Text any column can take: a lone surrogate (which UTF-8 cannot encode) becomes U+FFFD."""
    return repair(text)[0] if text else text


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _lock_or_io_error(path: str, exc: BaseException) -> StoreError:
    text = str(exc)
    if "lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        holder = f"process {pid.group(1)}{_command_of(pid.group(1))}" if pid else "another process"
        return StoreLockedError(
            f"store {path} is in use by {holder}: wait for it to finish, stop it, or use another --db"
        )
    return StoreError(f"store {path} cannot be opened: {_first_line(exc)}")


def _command_of(pid: str) -> str:
    """" (multipolar serve --db x)": the holder's command line where the system shows it (Linux), so the
    message says whether a server, a watcher or an ingest holds the store; "" elsewhere."""
    try:
        raw = Path(f"/proc/{int(pid)}/cmdline").read_bytes()
    except (OSError, ValueError):
        return ""
    words = [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]
    if not words:
        return ""
    if len(words) > 1 and Path(words[0]).name.startswith("python") and words[1] == "-m":
        words = words[2:]  # python -m multipolar ...
    elif len(words) > 1 and Path(words[0]).name.startswith("python"):
        words = words[1:]
    if words:
        words[0] = Path(words[0]).name
    text = repair(" ".join(words))[0]
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return f" ({text[:120]}{'…' if len(text) > 120 else ''})"
