"""Reads and writes of the analysis stages: sentences, mentions, events, and canonical events.

Re-analysing a document replaces its derived rows (never its raw bytes), in one transaction per batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from multipolar.records import Analysis, AnalysisInput, Event
from multipolar.store.provenance import stamp_cross_run

if TYPE_CHECKING:
    from multipolar.store import Store

EVENT_COLUMNS = (
    "event_id", "doc_id", "sentence", "date", "date_precision", "source", "source_actor", "source_name",
    "target", "target_actor", "target_name", "cameo", "root", "quad", "goldstein", "plover", "plover_mode",
    "negated", "modality", "confidence", "trigger", "text", "span_start", "span_end", "story_id", "mentions",
    "date_flag",
)


TIME_LIMITED = ":time_limit="  # processed_by of a document stopped by the time limit: "<stage>:time_limit=<seconds>"


def unanalysed(
    store: Store, *, limit: int, after: str | None, max_chars: int | None = None, time_limit: float | None = None
) -> list[AnalysisInput]:
    """Clean English documents not yet analysed, in doc_id order after `after`: at most `limit` of them
    and, past the first, at most `max_chars` characters of text together. Documents stopped by a time
    limit come back once `time_limit` is higher than the one that stopped them (or 0, no limit; None:
    never)."""
    where = (f"(processed_by IS NULL OR (processed_by LIKE '%{TIME_LIMITED}%' AND (? <= 0 OR "
             "TRY_CAST(split_part(processed_by, '=', 2) AS DOUBLE) < ?))) "
             "AND cleaned_by = 'clean.v1' AND is_english AND text IS NOT NULL AND doc_id > ?")
    retry = [float(time_limit), float(time_limit)] if time_limit is not None else [1.0, float("-inf")]
    if max_chars:
        sizes = store.con.execute(
            f"SELECT length(text) FROM documents WHERE {where} ORDER BY doc_id LIMIT ?", [*retry, after or "", limit]
        ).fetchall()
        total, fits = 0, 0
        for (size,) in sizes:
            if fits and total + size > max_chars:
                break
            total, fits = total + size, fits + 1
        limit = fits
    if not limit:
        return []
    rows = store.con.execute(
        f"SELECT doc_id, source_uri, text, published, title, url, outlet FROM documents WHERE {where} ORDER BY doc_id LIMIT ?",
        [*retry, after or "", limit],
    ).fetchall()
    return [AnalysisInput(*row) for row in rows]


def _events_table(events: Sequence[Event]) -> pa.Table:
    columns: dict[str, list[Any]] = {name: [] for name in EVENT_COLUMNS}
    for event in events:
        for name in EVENT_COLUMNS:
            if name == "span_start":
                columns[name].append(event.span[0])
            elif name == "span_end":
                columns[name].append(event.span[1])
            else:
                columns[name].append(getattr(event, name))
    types = {"date": pa.date32(), "quad": pa.int32(), "sentence": pa.int32(), "span_start": pa.int32(),
             "span_end": pa.int32(), "mentions": pa.int32(), "goldstein": pa.float64(), "confidence": pa.float64(),
             "negated": pa.bool_()}
    return pa.table({name: pa.array(values, type=types.get(name, pa.string())) for name, values in columns.items()})


def save_analyses(store: Store, analyses: Sequence[Analysis], *, stage: str, run: int | None = None) -> None:
    """Replace the analysis rows of each document and stamp it with `stage` and the run (provenance)."""
    from multipolar.store.claims import write_claims

    if not analyses:
        return
    doc_ids = [a.doc_id for a in analyses]
    sentences = [s for a in analyses for s in a.sentences]
    mentions = [m for a in analyses for m in a.mentions]
    events = [e for a in analyses for e in a.events]
    claims = [c for a in analyses for c in a.claims]
    con = store.con
    with store.transaction():
        con.register("_ids", pa.table({"doc_id": doc_ids}))
        try:
            for table in ("sentences", "mentions", "story_vectors"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _ids)")
            con.execute("DELETE FROM rejections WHERE code = 'time_limit' AND doc_id IN (SELECT doc_id FROM _ids)")
            forget_dedup_groups(con, "SELECT doc_id FROM _ids")
            con.execute("DELETE FROM events WHERE origin = 'multipolar' AND doc_id IN (SELECT doc_id FROM _ids)")
            if sentences:
                con.register("_s", pa.table({
                    "doc_id": [s.doc_id for s in sentences], "idx": [s.idx for s in sentences],
                    "start": [s.start for s in sentences], "end": [s.end for s in sentences],
                }))
                con.execute('INSERT INTO sentences (doc_id, idx, start, "end") SELECT doc_id, idx, start, "end" FROM _s')
                con.unregister("_s")
            if mentions:
                con.register("_m", pa.table({
                    "doc_id": [m.doc_id for m in mentions], "sentence": [m.sentence for m in mentions],
                    "start": [m.start for m in mentions], "end": [m.end for m in mentions],
                    "text": [m.text for m in mentions], "actor_code": [m.actor_code for m in mentions],
                    "person": pa.array([m.person for m in mentions], type=pa.string()),
                }))
                con.execute('INSERT INTO mentions SELECT doc_id, sentence, start, "end", text, actor_code, person FROM _m')
                con.unregister("_m")
            if events:
                con.register("_e", _events_table(events))
                names = ", ".join(f'"{n}"' for n in EVENT_COLUMNS)
                con.execute(f"INSERT OR IGNORE INTO events ({names}) SELECT {names} FROM _e")
                con.unregister("_e")
            vectors = [a for a in analyses if a.story_vector is not None]
            if vectors:
                con.register("_v", pa.table({
                    "doc_id": pa.array([a.doc_id for a in vectors], type=pa.string()),
                    "vector": pa.array([list(a.story_vector) for a in vectors], type=pa.list_(pa.float32())),
                }))
                con.execute("INSERT INTO story_vectors SELECT doc_id, vector FROM _v")
                con.unregister("_v")
            write_claims(con, claims, doc_ids=doc_ids)
            con.execute("UPDATE documents SET processed_by = ?, events_run = ?, claims_run = ? "
                        "WHERE doc_id IN (SELECT doc_id FROM _ids)", [stage, run, run])
        finally:
            con.unregister("_ids")


def mark_analysed(store: Store, doc_ids: Sequence[str], *, stage: str, run: int | None = None) -> None:
    if doc_ids:
        store.con.execute(
            "UPDATE documents SET processed_by = ?, events_run = ?, claims_run = ? WHERE doc_id IN (SELECT unnest(?))",
            [stage, run, run, list(doc_ids)],
        )


# The partition of an event for de-duplication: its dyad and CAMEO root and the calendar month its date
# falls in (the year, for a year date); an event with no usable date is alone (rule `same_act`).
DEDUP_PARTITION = """CASE WHEN date IS NULL OR date_precision IS NULL
         OR date_precision NOT IN ('day', 'doc', 'doc_story', 'doc_text', 'month', 'year') THEN 'e|' || event_id
    ELSE concat_ws('|', coalesce(source, '~'), coalesce(target, '~'), coalesce(root, '~'), year(date)::VARCHAR,
                   CASE WHEN date_precision = 'year' THEN 'y' ELSE month(date)::VARCHAR END) END"""


def forget_dedup_groups(con: Any, doc_ids_sql: str) -> None:
    """Before the events of some documents are deleted: clear the canonical_id of every event in their
    de-duplication partitions, so the next de-duplication regroups those partitions without them."""
    con.execute(
        f"""UPDATE events SET canonical_id = NULL
            WHERE origin = 'multipolar' AND canonical_id IS NOT NULL AND {DEDUP_PARTITION} IN (
                SELECT DISTINCT {DEDUP_PARTITION} FROM events
                WHERE origin = 'multipolar' AND doc_id IN ({doc_ids_sql}))"""
    )


def events_for_dedup(
    store: Store, *, changed_only: bool = False
) -> tuple[list[Event], dict[str, str | None], dict[str, str | None]]:
    """Every coded event (not GDELT's), with each document's outlet and story. With `changed_only`, only
    the events of the partitions (`DEDUP_PARTITION`) that hold an event with no canonical_id: a new
    event, or one whose partition lost an event (`forget_dedup_groups`) or whose story changed."""
    where = ["origin = 'multipolar'"]
    if changed_only:
        store.con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _dedup_changed AS
                SELECT event_id FROM (SELECT event_id, {DEDUP_PARTITION} AS part FROM events
                                      WHERE origin = 'multipolar')
                WHERE part IN (SELECT DISTINCT {DEDUP_PARTITION} FROM events
                               WHERE origin = 'multipolar' AND canonical_id IS NULL)"""
        )
        where.append("event_id IN (SELECT event_id FROM _dedup_changed)")
    try:
        events = read_events(store, where=where)
    finally:
        if changed_only:
            store.con.execute("DROP TABLE IF EXISTS _dedup_changed")
    store.con.register("_dedup_docs", pa.table({"doc_id": pa.array(sorted({e.doc_id for e in events if e.doc_id}),
                                                                   type=pa.string())}))
    try:
        doc_rows = store.con.execute(
            "SELECT doc_id, coalesce(outlet, url, source_uri), story_id FROM documents JOIN _dedup_docs USING (doc_id)"
        ).fetchall()
    finally:
        store.con.unregister("_dedup_docs")
    outlets = {doc_id: outlet for doc_id, outlet, _ in doc_rows}
    stories = {doc_id: story for doc_id, _, story in doc_rows}
    return events, outlets, stories


def save_canonical_events(store: Store, canonical: Sequence[Any], *, run: int | None = None) -> None:
    """Set each event's canonical_id and, on every member, the group's mention/article/source counts, and
    stamp each with the cross-document run that grouped it."""
    ids: list[str] = []
    canon: list[str] = []
    mentions: list[int] = []
    documents: list[int] = []
    sources: list[int] = []
    for group in canonical:
        for event_id in group.event_ids:
            ids.append(event_id)
            canon.append(group.canonical_id)
            mentions.append(group.mentions)
            documents.append(group.documents)
            sources.append(group.sources)
    with store.transaction():
        if not ids:
            return
        store.con.register("_c", pa.table({
            "event_id": ids, "canonical_id": canon, "num_mentions": pa.array(mentions, type=pa.int32()),
            "num_articles": pa.array(documents, type=pa.int32()), "num_sources": pa.array(sources, type=pa.int32()),
        }))
        try:
            store.con.execute(
                """UPDATE events SET canonical_id = c.canonical_id, num_mentions = c.num_mentions,
                          num_articles = c.num_articles, num_sources = c.num_sources,
                          mentions = CASE WHEN events.event_id = c.canonical_id THEN c.num_mentions ELSE 1 END
                   FROM _c c WHERE events.event_id = c.event_id"""
            )
        finally:
            store.con.unregister("_c")
        stamp_cross_run(store.con, "dedup", ids, run)


def query_events(
    store: Store, columns: Sequence[str], *, where: Sequence[str] = (), params: Sequence[Any] = (),
    limit: int | None = None,
) -> tuple[list[str], list[tuple]]:
    """Rows of the events table in date order, filtered by SQL conditions with their parameters."""
    sql = f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date NULLS LAST, doc_id, sentence, event_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, params)


def read_events(store: Store, *, where: Sequence[str] = (), params: Sequence[Any] = (), limit: int | None = None) -> list[Event]:
    """Events as records (used for exports and de-duplication)."""
    _, rows = query_events(store, EVENT_COLUMNS, where=where, params=params, limit=limit)
    out = []
    for row in rows:
        record = dict(zip(EVENT_COLUMNS, row, strict=True))
        record["span"] = (record.pop("span_start"), record.pop("span_end"))
        out.append(Event(**record))
    return out


def add_external_events(store: Store, rows: Sequence[dict[str, Any]]) -> int:
    """Store events read from another data set (GDELT); the same event id again is ignored."""
    if not rows:
        return 0
    columns = list(rows[0])
    types = {"date": pa.date32(), "quad": pa.int32(), "sentence": pa.int32(), "span_start": pa.int32(),
             "span_end": pa.int32(), "mentions": pa.int32(), "goldstein": pa.float64(), "confidence": pa.float64(),
             "negated": pa.bool_(), "num_mentions": pa.int32(), "num_sources": pa.int32(), "num_articles": pa.int32()}
    table = pa.table({c: pa.array([r[c] for r in rows], type=types.get(c, pa.string())) for c in columns})
    names = ", ".join(f'"{c}"' for c in columns)
    with store.transaction():
        before = store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        store.con.register("_x", table)
        try:
            store.con.execute(f"INSERT OR IGNORE INTO events ({names}) SELECT {names} FROM _x")
        finally:
            store.con.unregister("_x")
        return store.con.execute("SELECT count(*) FROM events").fetchall()[0][0] - before


def count_unanalysed(store: Store) -> int:
    return store.con.execute(
        "SELECT count(*) FROM documents WHERE processed_by IS NULL AND cleaned_by = 'clean.v1' "
        "AND is_english AND text IS NOT NULL"
    ).fetchall()[0][0]
