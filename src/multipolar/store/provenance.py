"""Provenance in the store: the history of runs, each document's stage stamps, and the reads of re-analysis.

Where the stamps live, and why. Each run (ingest, analyse, cross-document, reanalyse) gets one row per
stage it writes in `stage_runs`: its stage version, settings hash and settings (JSON), command, scope,
status and start/end, and how many documents it wrote. A document carries, per per-document stage, the
run that made its rows of that stage (`documents.clean_run`, `events_run`, `claims_run`). A stage always
replaces all of one document's rows of that stage together, in one transaction, so the document's stamp
is exactly the provenance of each of those rows (sentences, mentions, events, claims: every one carries
its `doc_id`). Stamping this way costs one integer column set in the UPDATE the stage already makes on
`documents`: no extra statement, no index, no string repeated on every event row; finding the stale
documents is one join of `documents` with the small `stage_runs` table.

A document stamped with no run (made before provenance was recorded) counts as stale.

Cross-document stages touch only what new documents touch, so their rows, too, were made by different
runs: each row a cross-document stage writes gets that run (`stamp_cross_run`): `documents.near_dup_run`,
`spun_run`, `story_run`, `events.dedup_run`, `stories.run`, `claim_groups.run`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from multipolar.records import AnalysisInput, Claim, RawDocument, utcnow

if TYPE_CHECKING:
    from multipolar.store import Store

RUN_COLUMN = {"clean": "clean_run", "events": "events_run", "claims": "claims_run"}
_ANALYSED = "cleaned_by = 'clean.v1' AND is_english AND text IS NOT NULL AND processed_by IS NOT NULL"
ELIGIBLE = {  # the documents that have rows of each stage to re-derive
    "clean": "cleaned_by IS NOT NULL",
    "events": _ANALYSED,
    "claims": f"{_ANALYSED} AND processed_by NOT LIKE '%:rejected'",
}
HISTORY_COLUMNS = ("run_id", "command", "scope", "stage", "version", "settings_hash", "status", "started_at",
                   "ended_at", "documents")


# the tables and key columns of the rows each cross-document stage stamps with its run
CROSS_RUN_COLUMN = {
    "near_duplicates": ("documents", "doc_id", "near_dup_run"),
    "spun": ("documents", "doc_id", "spun_run"),
    "stories": ("documents", "doc_id", "story_run"),
    "story_rows": ("stories", "story_id", "run"),
    "dedup": ("events", "event_id", "dedup_run"),
    "claim_groups": ("claim_groups", "group_id", "run"),
}


def stamp_cross_run(con: Any, what: str, ids: Sequence[str], run: int | None) -> None:
    """Record that run `run` wrote the cross-document result of these rows (`CROSS_RUN_COLUMN[what]`)."""
    if run is None or not ids:
        return
    table, key, column = CROSS_RUN_COLUMN[what]
    con.register("_stamp", pa.table({"id": pa.array(list(ids), type=pa.string())}))
    try:
        con.execute(f"UPDATE {table} SET {column} = ? FROM _stamp s WHERE {table}.{key} = s.id", [run])
    finally:
        con.unregister("_stamp")


def cross_runs(store: Store, what: str) -> dict[str, int | None]:
    """Each row's cross-document run for one kind of row (`CROSS_RUN_COLUMN`), by its key."""
    table, key, column = CROSS_RUN_COLUMN[what]
    return dict(store.con.execute(f"SELECT {key}, {column} FROM {table}").fetchall())


# -- runs --------------------------------------------------------------------------------------------
def start_run(store: Store, *, command: str, scope: str, prints: Sequence[Any]) -> int:
    """Record a run of `prints` (each with .stage, .version, .settings_hash, .settings); returns its id."""
    with store.transaction():
        run_id = store.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM stage_runs").fetchall()[0][0]
        now = utcnow()
        for p in prints:
            store.con.execute(
                "INSERT INTO stage_runs (run_id, stage, version, settings_hash, settings, command, scope, status, "
                "started_at) VALUES (?, ?, ?, ?, ?::JSON, ?, ?, 'running', ?)",
                [run_id, p.stage, p.version, p.settings_hash, json.dumps(p.settings, default=str, sort_keys=True),
                 command, scope, now],
            )
    return int(run_id)


def end_run(store: Store, run_id: int, *, documents: Mapping[str, int], status: str = "done") -> None:
    """Close a run: its status, end time and the documents each of its stages wrote (for a per-document
    stage, the documents stamped with the run, which counts a resumed run's earlier attempts too)."""
    with store.transaction():
        for stage, count in documents.items():
            if stage in RUN_COLUMN:
                count = store.con.execute(
                    f"SELECT count(*) FROM documents WHERE {RUN_COLUMN[stage]} = ?", [run_id]
                ).fetchall()[0][0]
            store.con.execute("UPDATE stage_runs SET documents = ? WHERE run_id = ? AND stage = ?",
                              [count, run_id, stage])
        store.con.execute("UPDATE stage_runs SET status = ?, ended_at = ? WHERE run_id = ?",
                          [status, utcnow(), run_id])


def unfinished_run(store: Store, *, command: str, scope: str) -> tuple[int, dict[str, tuple[str, str]]] | None:
    """The latest run of `command` over `scope` that never ended, with each stage's (version, hash)."""
    rows = store.con.execute(
        "SELECT run_id, stage, version, settings_hash FROM stage_runs WHERE run_id = (SELECT max(run_id) FROM "
        "stage_runs WHERE command = ? AND scope = ? AND status = 'running')",
        [command, scope],
    ).fetchall()
    if not rows:
        return None
    return int(rows[0][0]), {stage: (version, digest) for _, stage, version, digest in rows}


def last_finished(store: Store, *, command: str) -> dict[str, tuple[str, str]]:
    """Each stage's (version, settings hash) in the latest finished run of `command`; empty if none."""
    rows = store.con.execute(
        "SELECT stage, version, settings_hash FROM stage_runs WHERE run_id = (SELECT max(run_id) FROM stage_runs "
        "WHERE command = ? AND status = 'done')",
        [command],
    ).fetchall()
    return {stage: (version, digest) for stage, version, digest in rows}


def history(store: Store, *, limit: int | None = None) -> tuple[list[str], list[tuple]]:
    """The runs, newest first, one row per (run, stage)."""
    sql = f"SELECT {', '.join(HISTORY_COLUMNS)} FROM stage_runs ORDER BY run_id DESC, stage"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql)


# -- staleness ---------------------------------------------------------------------------------------
_STALE = "(r.version IS DISTINCT FROM ? OR r.settings_hash IS DISTINCT FROM ?)"


def _from(stage: str) -> str:
    return f"documents d LEFT JOIN stage_runs r ON r.run_id = d.{RUN_COLUMN[stage]} AND r.stage = '{stage}'"


def stored_versions(store: Store, stage: str) -> list[tuple[str | None, str | None, int]]:
    """(version, settings hash, documents) of the stored rows of a per-document stage; None: unrecorded."""
    return store.con.execute(
        f"SELECT r.version, r.settings_hash, count(*) FROM {_from(stage)} WHERE {ELIGIBLE[stage]} "
        "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"
    ).fetchall()


def count_stale(store: Store, stage: str, version: str, settings_hash: str) -> int:
    return store.con.execute(
        f"SELECT count(*) FROM {_from(stage)} WHERE {ELIGIBLE[stage]} AND {_STALE}", [version, settings_hash]
    ).fetchall()[0][0]


def count_due(store: Store, stage: str, *, run_id: int, version: str, settings_hash: str, only_stale: bool) -> int:
    """Documents a reanalysis run still has to re-derive for `stage`."""
    where, params = _due(stage, run_id=run_id, version=version, settings_hash=settings_hash, only_stale=only_stale)
    return store.con.execute(f"SELECT count(*) FROM {_from(stage)} WHERE {where}", params).fetchall()[0][0]


def _due(stage: str, *, run_id: int, version: str, settings_hash: str, only_stale: bool) -> tuple[str, list[Any]]:
    where = f"{ELIGIBLE[stage]} AND d.{RUN_COLUMN[stage]} IS DISTINCT FROM ?"
    params: list[Any] = [run_id]
    if only_stale:
        where += f" AND {_STALE}"
        params += [version, settings_hash]
    return where, params


def due_documents(store: Store, stage: str, *, run_id: int, version: str, settings_hash: str, only_stale: bool,
                  after: str, limit: int, max_chars: int | None = None) -> list[str]:
    """The next doc_ids after `after` (in doc_id order) a reanalysis run has to re-derive for `stage`: at most `limit`
    and, past the first, at most `max_chars` characters of clean text together. Documents the run has
    done are stamped with it and so drop out: a killed run's re-run continues where it stopped."""
    where, params = _due(stage, run_id=run_id, version=version, settings_hash=settings_hash, only_stale=only_stale)
    rows = store.con.execute(
        f"SELECT d.doc_id, coalesce(length(d.text), 0) FROM {_from(stage)} WHERE {where} AND d.doc_id > ? "
        "ORDER BY d.doc_id LIMIT ?",
        [*params, after, limit],
    ).fetchall()
    out: list[str] = []
    total = 0
    for doc_id, size in rows:
        if out and max_chars and total + size > max_chars:
            break
        out.append(doc_id)
        total += size
    return out


# -- inputs of re-derivation ----------------------------------------------------------------------------
def raw_documents(store: Store, doc_ids: Sequence[str]) -> list[RawDocument]:
    from multipolar.store import raw_from_row

    rows = store.con.execute(
        "SELECT source_uri, raw, raw_format, fields FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY doc_id",
        [list(doc_ids)],
    ).fetchall()
    return [raw_from_row(*row) for row in rows]


def analysis_inputs(store: Store, doc_ids: Sequence[str]) -> list[AnalysisInput]:
    rows = store.con.execute(
        "SELECT doc_id, source_uri, text, published, title, url, outlet FROM documents "
        "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id",
        [list(doc_ids)],
    ).fetchall()
    return [AnalysisInput(*row) for row in rows]


def changed_by_cleaning(store: Store, cleaned: Mapping[str, tuple[str | None, Any, bool | None]]) -> list[str]:
    """The doc_ids whose new (text, published, is_english) differ from the stored ones: their analysis
    no longer matches the text its offsets point into."""
    if not cleaned:
        return []
    ids = list(cleaned)
    table = pa.table({
        "doc_id": ids, "text": [cleaned[i][0] for i in ids],
        "published": pa.array([cleaned[i][1] for i in ids], type=pa.date32()),
        "is_english": pa.array([cleaned[i][2] for i in ids], type=pa.bool_()),
    })
    store.con.register("_recleaned", table)
    try:
        rows = store.con.execute(
            "SELECT d.doc_id FROM documents d JOIN _recleaned b USING (doc_id) WHERE d.text IS DISTINCT FROM b.text "
            "OR d.published IS DISTINCT FROM b.published OR d.is_english IS DISTINCT FROM b.is_english "
            "OR d.cleaned_by IS DISTINCT FROM 'clean.v1'"
        ).fetchall()
    finally:
        store.con.unregister("_recleaned")
    return sorted(row[0] for row in rows)


def clear_analysis(store: Store, doc_ids: Sequence[str]) -> None:
    """Delete the analysis rows of documents (never their raw bytes or clean fields) and unstamp them, so
    the next analysis codes them afresh; the de-duplication partitions of their events are reopened and the
    stored near-duplicate index emptied (their text changed), to be rebuilt by the cross-document stages.
    Their story embeddings go too (made again by the next analysis, or by story clustering)."""
    if not doc_ids:
        return
    import pyarrow as pa

    from multipolar.store.analysis import forget_dedup_groups
    from multipolar.store.neardup import clear as clear_near_duplicate_index

    ids = [list(doc_ids)]
    inside = "doc_id IN (SELECT unnest(?::VARCHAR[]))"
    with store.transaction():
        store.con.register("_cleared", pa.table({"doc_id": pa.array(list(doc_ids), type=pa.string())}))
        try:  # their events' de-duplication partitions are regrouped without them
            forget_dedup_groups(store.con, "SELECT doc_id FROM _cleared")
        finally:
            store.con.unregister("_cleared")
        clear_near_duplicate_index(store.con)  # a text that changed has another signature: rebuilt whole
        for table in ("sentences", "mentions", "claims", "story_vectors"):
            store.con.execute(f"DELETE FROM {table} WHERE {inside}", ids)
        store.con.execute(f"DELETE FROM events WHERE origin = 'multipolar' AND {inside}", ids)
        store.con.execute(
            f"UPDATE documents SET processed_by = NULL, events_run = NULL, claims_run = NULL WHERE {inside}", ids
        )


def drop_rejections(store: Store, doc_ids: Sequence[str], *, stage: str) -> None:
    """Forget the earlier rejections of documents by a stage (name or name prefix) they are re-run through."""
    if doc_ids:
        store.con.execute(
            "DELETE FROM rejections WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) AND starts_with(stage, ?)",
            [list(doc_ids), stage],
        )


def save_claims(store: Store, doc_ids: Sequence[str], claims: Sequence[Claim], *, run_id: int) -> None:
    """Replace the claims of documents and stamp them with the run (one transaction)."""
    from multipolar.store.claims import write_claims

    with store.transaction():
        write_claims(store.con, claims, doc_ids=doc_ids)
        store.con.execute("UPDATE documents SET claims_run = ? WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                          [run_id, list(doc_ids)])
