"""A store filled with synthetic events, for benchmarks and tests of the relations code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from multipolar.store.schema import MIGRATIONS


def open_empty(path: Path | str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A connection to a new store with the current schema."""
    con = duckdb.connect(str(path))
    for step in MIGRATIONS:
        for ddl in step:
            con.execute(ddl)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(len(MIGRATIONS))])
    return con


def insert_synthetic(con: duckdb.DuckDBPyConnection, data: Any) -> None:
    """Insert synthetic events and the documents they point to: `data` has `events` and `documents`,
    column arrays by name (`relations.synthetic.SyntheticStore`). The documents are marked cleaned (by
    "synthetic"), so an ingest into the store does not take them for raw documents a killed run left.
    Each event is its own canonical group unless `data` says otherwise, as in a store whose events were
    de-duplicated (the counts are those of NULL groups; an ingest into the store does not regroup them all)."""
    events = pa.table(data.events)
    con.register("_syn_events", events)
    try:
        cols = ", ".join(events.column_names)
        extra, values = ("", "") if "canonical_id" in events.column_names else (", canonical_id", ", event_id")
        con.execute(f"INSERT INTO events ({cols}{extra}) SELECT {cols}{values} FROM _syn_events")
    finally:
        con.unregister("_syn_events")
    docs = pa.table({k: list(v) if v.dtype == object else v for k, v in data.documents.items()})
    con.register("_syn_docs", docs)
    try:
        con.execute(
            """INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, outlet, url, title, published,
                                      near_duplicate_of, spun, cleaned_by)
               SELECT doc_id, url, ''::BLOB, 'synthetic', now()::TIMESTAMP, outlet, url, title, published,
                      near_duplicate_of, spun, 'synthetic' FROM _syn_docs"""
        )
    finally:
        con.unregister("_syn_docs")
