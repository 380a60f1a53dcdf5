"""Fixtures: a temporary store made from the schema's DDL, and helpers to fill it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from multipolar.relations.synthetic import SyntheticStore
from multipolar.store.synthetic import insert_synthetic as _insert_synthetic
from multipolar.store.synthetic import open_empty


def open_store(path: Path | str = ":memory:") -> duckdb.DuckDBPyConnection:
    return open_empty(path)


def insert_synthetic(con: duckdb.DuckDBPyConnection, data: SyntheticStore) -> None:
    _insert_synthetic(con, data)


class EventWriter:
    """Adds hand-made events (and their documents) to a store, one call per event."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self._ids = itertools.count(1)
        self._docs: set[str] = set()

    def document(self, doc_id: str, *, outlet: str = "example.org", near_duplicate_of: str | None = None,
                 spun: bool = False, url: str | None = None, title: str | None = None) -> None:
        if doc_id in self._docs:
            return
        self._docs.add(doc_id)
        self.con.execute(
            """INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, outlet, url, title,
                                      near_duplicate_of, spun)
               VALUES (?, ?, ''::BLOB, 'test', now()::TIMESTAMP, ?, ?, ?, ?, ?)""",
            [doc_id, f"test:{doc_id}", outlet, url or f"https://{outlet}/{doc_id}", title or f"Title {doc_id}",
             near_duplicate_of, spun],
        )

    def add(self, day: date, source: str, target: str, *, goldstein: float, quad: int, cameo: str = "040",
            doc: str | None = None, outlet: str = "example.org", text: str | None = None, mentions: int = 1,
            canonical_id: str | None = None, negated: bool = False, event_id: str | None = None,
            confidence: float = 0.9, date_flag: str | None = None, sentence: int | None = None) -> str:
        """One event; each event is its own sentence of its document unless `sentence` says otherwise."""
        n = next(self._ids)
        eid = event_id or f"e{n}"
        doc_id = doc or f"doc-{eid}"
        self.document(doc_id, outlet=outlet)
        self.con.execute(
            """INSERT INTO events (event_id, doc_id, sentence, date, date_precision, source, source_actor, target,
                                   target_actor, cameo, root, quad, goldstein, negated, modality, confidence, text,
                                   mentions, canonical_id, date_flag)
               VALUES (?, ?, ?, ?, 'day', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'asserted', ?, ?, ?, ?, ?)""",
            [eid, doc_id, n if sentence is None else sentence, day, source[:3], source, target[:3], target, cameo, cameo[:2], quad, goldstein, negated,
             confidence, text or f"{source} acted toward {target}.", mentions, canonical_id, date_flag],
        )
        return eid


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    c = open_store(tmp_path / "test.duckdb")
    yield c
    c.close()


@pytest.fixture
def writer(con: duckdb.DuckDBPyConnection) -> EventWriter:
    return EventWriter(con)


@pytest.fixture
def new_store() -> Iterator[object]:
    """A factory of fresh in-memory stores with their writers (for property tests, one per example)."""
    opened: list[duckdb.DuckDBPyConnection] = []

    def make() -> tuple[duckdb.DuckDBPyConnection, EventWriter]:
        c = open_store()
        opened.append(c)
        return c, EventWriter(c)

    yield make
    for c in opened:
        c.close()
