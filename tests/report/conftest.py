"""Fixtures: a small synthetic store with one hostile sentence, for the report tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from multipolar.relations.synthetic import synthetic_events
from multipolar.store.synthetic import insert_synthetic, open_empty

EVIL = '<script>alert("x")</script> Moscow & Beijing'
EVIL_URL = 'https://evil.example/"><script>alert(1)</script>'


def _fill(con: duckdb.DuckDBPyConnection, n: int) -> None:
    data = synthetic_events(n, first=date(2023, 1, 1), years=2)
    insert_synthetic(con, data)
    con.execute(
        """INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, outlet, url, title)
           VALUES ('evil-doc', 'test:evil', ''::BLOB, 'test', now()::TIMESTAMP, ?, ?, ?)""",
        ["<b>outlet</b>", EVIL_URL, "<img src=x onerror=alert(1)>"],
    )
    con.execute(
        """INSERT INTO events (event_id, doc_id, sentence, date, date_precision, source, source_actor, target,
                               target_actor, cameo, root, quad, goldstein, negated, modality, confidence, text)
           VALUES ('evil', 'evil-doc', 0, '2024-12-31', 'day', 'RUS', 'RUSGOV', 'CHN', 'CHNGOV', '190', '19', 4,
                   -10.0, false, 'asserted', 0.9, ?)""",
        [EVIL],
    )


@pytest.fixture(scope="session")
def evil_sentence() -> str:
    return EVIL


@pytest.fixture(scope="session")
def report_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    path: Path = tmp_path_factory.mktemp("report") / "report.duckdb"
    con = open_empty(path)
    _fill(con, 20_000)
    yield con
    con.close()


@pytest.fixture(scope="session")
def report_html(report_store: duckdb.DuckDBPyConnection) -> str:
    from multipolar.report import build_report
    from multipolar.settings import Settings

    return build_report(report_store, Settings())
