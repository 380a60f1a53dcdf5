"""The stored near-duplicate index (tables `near_dup_signatures`, `near_dup_bands`, `near_dup_postings`).

A document is in the index once its signature row is written; documents with text and no signature are
the ones `mark_near_duplicates` still has to add. Everything one run adds is written in one transaction
with the `near_duplicate_of` pointers it sets, so a run killed half-way leaves the index as it was.
Removing documents, or giving undated ones an inferred date, empties the index (`clear`): the next run
rebuilds it from every text, in order, as the first run did.

Takes an open DuckDB connection; never opens one itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pyarrow as pa

from multipolar.store.stories import texts_by_rowid


def unindexed_texts(con: Any) -> list[tuple[str, str, date | None]]:
    """(doc_id, text, published) of the cleaned documents not in the index yet, in ingestion order."""
    found = con.execute(  # row ids first, then texts by row id (module `stories.texts_by_rowid`)
        "SELECT rowid FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM near_dup_signatures) "
        "AND text IS NOT NULL ORDER BY ingested_at, doc_id"
    ).fetchall()
    rows = texts_by_rowid(con, [r[0] for r in found], "doc_id, text, published")
    return [rows[r[0]] for r in found]


def next_order(con: Any) -> int:
    return int(con.execute("SELECT coalesce(max(ord) + 1, 0) FROM near_dup_signatures").fetchall()[0][0])


def candidates(
    con: Any, band_keys: Sequence[bytes], samples: Sequence[int], *, max_postings: int
) -> tuple[list[tuple[Any, ...]], dict[int, list[str]]]:
    """The stored documents that can match the new ones, as (doc_id, order, published, MinHash values
    as uint32 bytes, sample count, banded, near_duplicate_of) (`clean.dedup.StoredEntry`; banded: it
    is in the LSH bands and shares a band key with a new document, the only LSH candidates there are): those sharing a band key or a shingle sample
    (one whose posting list is not full: `max_postings`) with them, plus the originals those copy (to
    compare dates against); and the full stored posting list of each of the new documents' samples,
    in the order it was built."""
    con.register("_keys", pa.table({"band_key": pa.array(list(band_keys), type=pa.binary())}))
    con.register("_samples", pa.table({"sample": pa.array(sorted(set(samples)), type=pa.uint32())}))
    try:
        rows = con.execute(
            """SELECT p.sample, p.doc_id FROM near_dup_postings p JOIN _samples USING (sample)
               JOIN near_dup_signatures s USING (doc_id) ORDER BY p.sample, s.ord"""
        ).fetchall()
        postings: dict[int, list[str]] = {}
        for value, doc_id in rows:
            postings.setdefault(int(value), []).append(doc_id)
        con.execute(
            """CREATE OR REPLACE TEMP TABLE _near_dup_banded AS
               SELECT DISTINCT doc_id FROM near_dup_bands JOIN _keys USING (band_key)"""
        )
        con.execute(
            """CREATE OR REPLACE TEMP TABLE _near_dup_candidates AS
               SELECT doc_id FROM _near_dup_banded
               UNION SELECT DISTINCT p.doc_id FROM near_dup_postings p
               WHERE p.sample IN (SELECT sample FROM near_dup_postings JOIN _samples USING (sample)
                                  GROUP BY sample HAVING count(*) < ?)""",
            [max_postings],
        )
        entries = con.execute(
            """WITH wanted AS (
                   SELECT doc_id FROM _near_dup_candidates
                   UNION SELECT d.near_duplicate_of FROM documents d JOIN _near_dup_candidates USING (doc_id)
                   WHERE d.near_duplicate_of IS NOT NULL)
               SELECT s.doc_id, s.ord, d.published, s.minhash, s.n_samples,
                      s.indexed AND s.doc_id IN (SELECT doc_id FROM _near_dup_banded), d.near_duplicate_of
               FROM near_dup_signatures s JOIN wanted USING (doc_id) JOIN documents d USING (doc_id)
               ORDER BY s.ord"""
        ).fetchall()
        con.execute("DROP TABLE _near_dup_candidates")
        con.execute("DROP TABLE _near_dup_banded")
    finally:
        con.unregister("_keys")
        con.unregister("_samples")
    return [
        (doc_id, int(order), published, bytes(minhash), int(n), bool(hashed), original)
        for doc_id, order, published, minhash, n, hashed, original in entries
    ], postings


def pointers(con: Any, doc_ids: Sequence[str]) -> dict[str, str | None]:
    """doc_id -> its current `near_duplicate_of`, for the given documents."""
    con.register("_ids", pa.table({"doc_id": pa.array(list(doc_ids), type=pa.string())}))
    try:
        return dict(con.execute("SELECT doc_id, near_duplicate_of FROM documents JOIN _ids USING (doc_id)").fetchall())
    finally:
        con.unregister("_ids")


def add_signatures(
    con: Any, rows: Sequence[tuple[str, int, bytes, int, bool]], bands: Sequence[tuple[bytes, str]],
    postings: Sequence[tuple[int, str]],
) -> None:
    """Append (doc_id, order, MinHash values as uint32 bytes, sample count, hashed) rows, band keys and posting rows."""
    if rows:
        con.register("_sig", pa.table({
            "doc_id": pa.array([r[0] for r in rows], type=pa.string()),
            "ord": pa.array([r[1] for r in rows], type=pa.int64()),
            "minhash": pa.array([r[2] for r in rows], type=pa.binary()),
            "n_samples": pa.array([r[3] for r in rows], type=pa.int32()),
            "indexed": pa.array([r[4] for r in rows], type=pa.bool_()),
        }))
        try:
            con.execute("INSERT INTO near_dup_signatures SELECT doc_id, ord, minhash, n_samples, indexed FROM _sig")
        finally:
            con.unregister("_sig")
    for table, data in (
        ("near_dup_bands", pa.table({"band_key": pa.array([b[0] for b in bands], type=pa.binary()),
                                     "doc_id": pa.array([b[1] for b in bands], type=pa.string())})),
        ("near_dup_postings", pa.table({"sample": pa.array([p[0] for p in postings], type=pa.uint32()),
                                        "doc_id": pa.array([p[1] for p in postings], type=pa.string())})),
    ):
        if data.num_rows:
            con.register("_rows", data)
            try:
                con.execute(f"INSERT INTO {table} SELECT * FROM _rows")
            finally:
                con.unregister("_rows")


def clear(con: Any) -> None:
    """Empty the index (the next run rebuilds it from every text)."""
    for table in ("near_dup_signatures", "near_dup_bands", "near_dup_postings"):
        con.execute(f"DELETE FROM {table}")
