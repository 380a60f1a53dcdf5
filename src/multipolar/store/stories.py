"""Read and write stories, near duplicates and spun scores (the SQL for the stories stage).

Takes an open DuckDB connection (the store's owner process holds it); never opens one itself.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pyarrow as pa

from multipolar.records import INFERRED_FROM, Story, StoryInput

# A document's own publication day: the one its source gave (feed, markup, URL, text). A day inferred
# for an undated document (`records.INFERRED_FROM`) is other documents' day or the day it was read:
# story clustering never takes it for the document's own.
_INFERRED = ", ".join(f"'{name}'" for name in INFERRED_FROM)
OWN_PUBLISHED = f"CASE WHEN published_from IN ({_INFERRED}) THEN NULL ELSE published END"


def bulk_update(con: Any, table: str, key: str, columns: dict[str, Any], *, json_columns: tuple[str, ...] = ()) -> None:
    """UPDATE many rows in one statement from columns of values (the key column included)."""
    if not len(columns[key]):
        return
    data = pa.table({name: values if isinstance(values, pa.Array) else pa.array(values, type=pa.string())
                     for name, values in columns.items()})
    sets = ", ".join(f"{c} = u.{c}::JSON" if c in json_columns else f"{c} = u.{c}" for c in columns if c != key)
    con.register("_bulk", data)
    try:
        con.execute(f"UPDATE {table} SET {sets} FROM _bulk u WHERE {table}.{key} = u.{key}")
    finally:
        con.unregister("_bulk")


def load_active_stories(con: Any, since: date | None, *, lead_chars: int = 3000) -> list[tuple[Story, list[StoryInput]]]:
    """Stories whose last date is on or after `since` (all when None, and undated ones), with their
    documents' title, lead, own publication day (None where it was inferred: `OWN_PUBLISHED`), actor
    countries, event days and stored story embedding (as `story_rows` reads them), so the clusterer can rebuild each story's lexical mean (the
    same tokens a new document gets) and the span of its publication days."""
    if since is None:
        rows = con.execute(
            "SELECT story_id, title, first_date, last_date, actors, n_documents, centroid FROM stories"
        ).fetchall()
    else:
        rows = con.execute(
            "SELECT story_id, title, first_date, last_date, actors, n_documents, centroid FROM stories "
            "WHERE last_date IS NULL OR last_date >= ?",
            [since],
        ).fetchall()
    members: dict[str, list[tuple]] = {}
    if rows:
        # the members' ids first, then their texts by id: a filter on story_id next to the text column
        # reads every stored text
        ids = con.execute(
            "SELECT story_id, doc_id FROM documents WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
            [[r[0] for r in rows]],
        ).fetchall()
        story_of = dict((doc_id, story_id) for story_id, doc_id in ids)
        for member in con.execute(
            f"SELECT d.doc_id, d.title, substr(d.text, 1, ?), {OWN_PUBLISHED.replace('published', 'd.published')}, "
            "(SELECT list(DISTINCT substr(m.actor_code, 1, 3)) FROM mentions m WHERE m.doc_id = d.doc_id), "
            "(SELECT list(e.date ORDER BY e.date) FROM events e WHERE e.doc_id = d.doc_id "
            "AND e.date IS NOT NULL AND e.date_precision IN ('day', 'month')), v.vector "
            "FROM documents d LEFT JOIN story_vectors v USING (doc_id) "
            "WHERE d.doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY d.doc_id",
            [lead_chars, list(story_of)],
        ).fetchall():
            members.setdefault(story_of[member[0]], []).append(member)
    out: list[tuple[Story, list[StoryInput]]] = []
    for story_id, title, first, last, actors, n, centroid in rows:
        own = members.get(story_id, [])
        codes = tuple(json.loads(actors)) if isinstance(actors, str) else tuple(actors or ())
        story = Story(story_id, title, first, last, codes, int(n), tuple(centroid or ()), tuple(m[0] for m in own))
        out.append((story, [StoryInput(m[0], m[1], m[2] or "", m[3], tuple(sorted(m[4] or ())), event_dates=tuple(m[5] or ()),
                                       embedding=tuple(m[6]) if m[6] is not None else None) for m in own]))
    return out


def story_rows(con: Any, lead_chars: int, *, unassigned_only: bool = True) -> list[tuple[Any, ...]]:
    """(doc_id, title, lead, own publication day (`OWN_PUBLISHED`), near_duplicate_of, actor countries,
    event days, stored story embedding or None) of each cleaned English document (only those not yet in a story unless
    `unassigned_only` is false), dated first."""
    where = "d.story_id IS NULL AND " if unassigned_only else ""
    return con.execute(
        f"""SELECT d.doc_id, d.title, substr(d.text, 1, ?), {OWN_PUBLISHED.replace("published", "d.published")},
                  d.near_duplicate_of,
                  (SELECT list(DISTINCT substr(m.actor_code, 1, 3)) FROM mentions m WHERE m.doc_id = d.doc_id),
                  (SELECT list(e.date ORDER BY e.date) FROM events e WHERE e.doc_id = d.doc_id
                     AND e.date IS NOT NULL AND e.date_precision IN ('day', 'month')),
                  v.vector
           FROM documents d LEFT JOIN story_vectors v USING (doc_id)
           WHERE {where}d.text IS NOT NULL AND d.is_english
           ORDER BY d.published NULLS LAST, d.doc_id""",
        [lead_chars],
    ).fetchall()


def window_start(earliest: date | None, window_days: int) -> date | None:
    """The first last_date a story may have and still take documents published from `earliest` on."""
    return earliest - timedelta(days=window_days) if earliest else None


def save_stories(con: Any, stories: list[Story]) -> None:
    """Insert or replace the given stories and set `documents.story_id` for their listed documents."""
    if not stories:
        return
    con.register("_stories", pa.table({
        "story_id": pa.array([s.story_id for s in stories], type=pa.string()),
        "title": pa.array([s.title for s in stories], type=pa.string()),
        "first_date": pa.array([s.first_date for s in stories], type=pa.date32()),
        "last_date": pa.array([s.last_date for s in stories], type=pa.date32()),
        "actors": pa.array([json.dumps(list(s.actors)) for s in stories], type=pa.string()),
        "n_documents": pa.array([s.n_documents for s in stories], type=pa.int32()),
        "centroid": pa.array([list(s.centroid) for s in stories], type=pa.list_(pa.float32())),
    }))
    try:
        con.execute("DELETE FROM stories WHERE story_id IN (SELECT story_id FROM _stories)")
        # an id merged away once and given again (rule stories.revisit) is a story again, not a merge
        con.execute("DELETE FROM story_merges WHERE merged_id IN (SELECT story_id FROM _stories)")
        con.execute("INSERT INTO stories (story_id, title, first_date, last_date, actors, n_documents, centroid) "
                    "SELECT story_id, title, first_date, last_date, actors::JSON, n_documents, centroid FROM _stories")
    finally:
        con.unregister("_stories")
    bulk_update(
        con, "documents", "doc_id",
        {"doc_id": [d for s in stories for d in s.doc_ids], "story_id": [s.story_id for s in stories for _ in s.doc_ids]},
    )


def record_story_merges(con: Any, merges: list[Any], run: int | None = None) -> None:
    """Delete the rows of stories merged into others (`stories.StoryMerge`: merged_id, into_id,
    similarity, doc_ids, rule) and record each merge; a record pointing at a story merged now follows it.
    The documents' story_id is set by `save_stories` of the surviving story."""
    if not merges:
        return
    merged = [m.merged_id for m in merges]
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [merged])
    con.execute("DELETE FROM story_merges WHERE merged_id IN (SELECT unnest(?::VARCHAR[]))", [merged])
    con.executemany("INSERT INTO story_merges VALUES (?, ?, ?, ?, ?, ?)",
                    [[m.merged_id, m.into_id, m.rule, m.similarity, len(m.doc_ids), run] for m in merges])
    for m in merges:
        con.execute("UPDATE story_merges SET into_id = ? WHERE into_id = ?", [m.into_id, m.merged_id])


def set_near_duplicates(con: Any, originals: dict[str, str | None]) -> None:
    """Set `documents.near_duplicate_of` (None clears it)."""
    bulk_update(con, "documents", "doc_id", {"doc_id": list(originals), "near_duplicate_of": list(originals.values())})


def set_spun(con: Any, scores: dict[str, tuple[float, bool, tuple[str, ...]]]) -> None:
    """Set `spun_score`, `spun` and `spun_evidence` per document."""
    bulk_update(
        con, "documents", "doc_id",
        {
            "doc_id": list(scores),
            "spun_score": pa.array([v[0] for v in scores.values()], type=pa.float64()),
            "spun": pa.array([v[1] for v in scores.values()], type=pa.bool_()),
            "spun_evidence": [json.dumps(list(v[2])) for v in scores.values()],
        },
        json_columns=("spun_evidence",),
    )


def texts_for_spun(con: Any) -> list[tuple[str, str, str | None]]:
    """(doc_id, text, text of the near-duplicate original or None) of the documents not yet scored."""
    todo = con.execute(
        "SELECT d.rowid, o.rowid FROM documents d LEFT JOIN documents o ON o.doc_id = d.near_duplicate_of "
        "WHERE d.spun_score IS NULL AND d.text IS NOT NULL ORDER BY d.doc_id"
    ).fetchall()
    texts = texts_by_rowid(con, sorted({r for pair in todo for r in pair if r is not None}), "doc_id, text")
    return [(texts[own][0], texts[own][1], texts[original][1] if original is not None else None)
            for own, original in todo]


def texts_by_rowid(con: Any, rowids: list[int], columns: str) -> dict[int, tuple]:
    """rowid -> (columns) of those documents. Texts are fetched by row id, as constants the scan can
    skip to: a join or filter on doc_id reads (decompresses) the text of every stored document, and
    new documents lie together at the end of the table."""
    out: dict[int, tuple] = {}
    for start in range(0, len(rowids), 1000):
        chunk = ", ".join(str(int(r)) for r in rowids[start:start + 1000])
        for row in con.execute(f"SELECT rowid, {columns} FROM documents WHERE rowid IN ({chunk})").fetchall():
            out[row[0]] = row[1:]
    return out


def texts_for_dedup(con: Any) -> list[tuple[str, str, date | None]]:
    """(doc_id, text, published) of every cleaned document, in ingestion order, to rebuild the index."""
    return con.execute(
        "SELECT doc_id, text, published FROM documents WHERE text IS NOT NULL ORDER BY ingested_at, doc_id"
    ).fetchall()


def undated_documents(con: Any) -> tuple[list[tuple[str, str, list[date], date]], date | None]:
    """Analysed English documents with no publication date: (doc_id, text, the publication dates of the
    other documents of its story that carry their own, ingest day); and the median publication date of
    the store's documents that carry their own (the reference for days named without a year)."""
    own = f"published IS NOT NULL AND published_from NOT IN ({_INFERRED})"
    rows = con.execute(
        f"""SELECT d.doc_id, d.text,
                  (SELECT list(o.published ORDER BY o.published) FROM documents o
                    WHERE o.story_id = d.story_id AND o.doc_id <> d.doc_id AND o.{own}),
                  d.ingested_at::DATE
           FROM documents d
           WHERE d.published IS NULL AND d.text IS NOT NULL AND d.is_english AND d.processed_by IS NOT NULL
           ORDER BY d.doc_id"""
    ).fetchall()
    reference = con.execute(f"SELECT quantile_disc(published, 0.5) FROM documents WHERE {own}").fetchall()[0][0]
    return [(r[0], r[1], list(r[2] or []), r[3]) for r in rows], reference


def set_inferred_published(con: Any, inferred: dict[str, tuple[date, str]]) -> None:
    """Record inferred publication dates and where they came from, and queue the documents for analysis
    again (their events are re-dated against the new anchor). The near-duplicate index is emptied, to be
    rebuilt in order with the new dates (which copy is the earlier one may change)."""
    from multipolar.store.neardup import clear

    if not inferred:
        return
    clear(con)
    con.register("_inf", pa.table({
        "doc_id": list(inferred), "published": pa.array([v[0] for v in inferred.values()], type=pa.date32()),
        "published_from": [v[1] for v in inferred.values()],
    }))
    try:
        con.execute("""UPDATE documents SET published = i.published, published_from = i.published_from,
                              processed_by = NULL
                       FROM _inf i WHERE documents.doc_id = i.doc_id""")
    finally:
        con.unregister("_inf")


def relabel_inferred_event_dates(con: Any, precision: dict[str, str]) -> None:
    """Events dated by their document (precision "doc") in a document whose date was inferred get the
    precision that says from what (`precision`: published_from -> event precision)."""
    for published_from, event_precision in precision.items():
        con.execute(
            """UPDATE events SET date_precision = ?
               WHERE date_precision = 'doc' AND doc_id IN (SELECT doc_id FROM documents WHERE published_from = ?)""",
            [event_precision, published_from],
        )


def near_duplicate_pointers(con: Any) -> dict[str, str | None]:
    """doc_id -> the original it is a near duplicate of (None: an original), for every cleaned document."""
    return dict(con.execute("SELECT doc_id, near_duplicate_of FROM documents WHERE text IS NOT NULL").fetchall())


def unscored_texts(con: Any) -> list[tuple[str, str]]:
    """(doc_id, text) of the cleaned documents with no spun score yet."""
    return con.execute("SELECT doc_id, text FROM documents WHERE text IS NOT NULL AND spun_score IS NULL").fetchall()


def copy_story_ids_to_events(con: Any, doc_ids: list[str] | None = None) -> None:
    """Give each event (of the given documents; all when None) its document's story_id. An event whose
    story changes loses its canonical_id: its de-duplication group is recomputed (`events.dedup`)."""
    if doc_ids is not None:
        if not doc_ids:
            return
        con.register("_story_docs", pa.table({"doc_id": pa.array(list(doc_ids), type=pa.string())}))
    try:
        scope = "AND events.doc_id IN (SELECT doc_id FROM _story_docs)" if doc_ids is not None else ""
        con.execute(
            "UPDATE events SET story_id = d.story_id, canonical_id = NULL FROM documents d "
            f"WHERE events.doc_id = d.doc_id AND events.story_id IS DISTINCT FROM d.story_id {scope}"
        )
    finally:
        if doc_ids is not None:
            con.unregister("_story_docs")
