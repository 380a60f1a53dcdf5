from __future__ import annotations

import subprocess
import sys

import pytest

from multipolar.errors import StoreError, StoreLockedError
from multipolar.records import RawDocument, Rejection
from multipolar.store import Store
from multipolar.store.schema import SCHEMA_VERSION


def _raw(text: str, uri: str = "mem://a") -> RawDocument:
    return RawDocument(source_uri=uri, raw=text.encode("utf-8"), raw_format="txt")


def test_store_open_records_schema_version(store):
    assert store.schema_version() == SCHEMA_VERSION
    assert store.meta()["schema_version"] == str(SCHEMA_VERSION)


def test_store_add_raw_keeps_bytes_verbatim(store):
    raw = RawDocument(source_uri="mem://x", raw=b"caf\xe9 \x00 bytes\r\n", raw_format="txt")
    assert store.add_raw([raw]) == [raw.doc_id]
    stored = store.con.execute("SELECT raw, doc_id FROM documents").fetchone()
    assert bytes(stored[0]) == raw.raw
    assert stored[1] == raw.doc_id


def test_store_add_raw_same_bytes_twice_is_one_document(store):
    first = _raw("same text", "mem://one")
    second = _raw("same text", "mem://two")
    assert store.add_raw([first, second]) == [first.doc_id]
    assert store.add_raw([first]) == []
    assert store.count_documents() == 1


def test_store_reopen_keeps_documents(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as s:
        s.add_raw([_raw("kept")])
    with Store.open(path, read_only=True) as s:
        assert s.count_documents() == 1


def test_store_read_only_missing_file_names_the_fix(tmp_path):
    with pytest.raises(StoreError, match="does not exist: run `multipolar ingest"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_store_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as s:
        s.set_meta({"schema_version": str(SCHEMA_VERSION + 1)})
    with pytest.raises(StoreError, match="newer than this multipolar"):
        Store.open(path)


def test_store_not_a_duckdb_file_is_a_store_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("this is not a database")
    with pytest.raises(StoreError):
        Store.open(path)


def test_store_held_by_another_process_names_the_holder(tmp_path):
    path = tmp_path / "held.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(path)!r}); print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError, match=rf"in use by process {holder.pid} \(-c import duckdb"):
            Store.open(path)
    finally:
        holder.kill()
        holder.wait()


def test_store_rejection_for_same_input_is_replaced_not_repeated(store):
    rejection = Rejection("file.txt", "source", "empty", "file.txt: the file is empty")
    store.add_rejections([rejection])
    store.add_rejections([rejection])
    assert store.con.execute("SELECT count(*) FROM rejections").fetchone()[0] == 1


def test_store_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.con.execute("INSERT INTO meta VALUES ('k', 'v')")
            raise RuntimeError("boom")
    assert "k" not in store.meta()


def test_store_uncleaned_returns_raw_documents_left_behind(store):
    raw = RawDocument(source_uri="mem://a", raw=b"abc", raw_format="txt", fields={"title": "T"}, encoding="latin-1")
    store.add_raw([raw])
    left = store.uncleaned(limit=10)
    assert [r.doc_id for r in left] == [raw.doc_id]
    assert left[0].fields == {"title": "T"} and left[0].encoding == "latin-1"
    store.mark_cleaned([raw.doc_id], stage="clean.v1:rejected")
    assert store.uncleaned(limit=10) == []


def test_store_uncleaned_pages_by_doc_id_for_callers_that_read_ahead(store):
    raws = [RawDocument(source_uri=f"mem://{i}", raw=f"text {i}".encode(), raw_format="txt") for i in range(5)]
    store.add_raw(raws)
    first = store.uncleaned(limit=2)
    second = store.uncleaned(limit=2, after=first[-1].doc_id)  # nothing saved in between
    rest = store.uncleaned(limit=2, after=second[-1].doc_id)
    ids = [r.doc_id for r in first + second + rest]
    assert ids == sorted(r.doc_id for r in raws)


def _version_1_store(path):
    """A connection to a new store at schema version 1 (as the first release made them)."""
    import duckdb

    from multipolar.store.schema import MIGRATIONS

    con = duckdb.connect(str(path))
    for sql in MIGRATIONS[0]:
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    return con


def test_store_migrates_a_version_1_store_to_the_watch_tables(tmp_path):
    path = tmp_path / "v1.duckdb"
    con = _version_1_store(path)
    con.execute("INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at) "
                "VALUES ('d1', 'a.txt', 'x'::BLOB, 'txt', now()::TIMESTAMP)")
    con.close()
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.count_documents() == 1
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"watch_sources", "watch_files", "watch_seen_events", "alerts"} <= tables


def test_date_flags_migration_flags_the_implausible_dates_of_events_stored_before(tmp_path):
    from multipolar.store.queries import EventFilters, events

    path = tmp_path / "v1.duckdb"
    con = _version_1_store(path)
    con.execute("INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, published) "
                "VALUES ('d', 'mem://d', ''::BLOB, 'txt', now()::TIMESTAMP, DATE '2025-03-12')")
    for event_id, day, modality in (("ok", "2025-03-10", "asserted"), ("future", "2031-03-03", "asserted"),
                                    ("plan", "2025-05-01", "intended"), ("old", "1850-01-01", "asserted")):
        con.execute("INSERT INTO events (event_id, doc_id, date, source, source_actor, cameo, root, quad, goldstein, "
                    "negated, modality, confidence) VALUES (?, 'd', ?, 'RUS', 'RUSGOV', '040', '04', 1, 1.0, false, ?, 0.9)",
                    [event_id, day, modality])
    con.close()
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        columns, rows = events(store, EventFilters())
        flags = {row[columns.index("event_id")]: row[columns.index("date_flag")] for row in rows}
    assert flags == {"ok": None, "future": "after_published", "plan": None, "old": "before_earliest_year"}
