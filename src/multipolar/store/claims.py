"""Read and write the `claims` and `claim_groups` tables.

Writes replace the rows of the documents they cover (re-processing a document never duplicates its
claims); groups are cross-document: `replace_claim_groups` rewrites the groups a change touches (and
`write_claim_groups` all of them), and sets each member claim's `group_id`. Every function takes an open DuckDB connection and leaves transactions to the caller
unless it says otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import duckdb

from multipolar.records import CLAIM_STATUSES as STATUSES
from multipolar.records import CONFLICT_STATUSES, Claim, ClaimGroup

_CLAIM_COLUMNS = (
    "claim_id",
    "doc_id",
    "sentence",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "measure",
    "subject",
    "period",
    "attribution",
    "sentence_text",
    "target",
    "kind",
    "scope",
    "group_id",
)
_GROUP_COLUMNS = (
    "group_id",
    "measure",
    "unit",
    "subject",
    "status",
    "reason",
    "n_claims",
    "n_documents",
    "min_value",
    "max_value",
    "target",
    "kind",
    "scope",
)


def _quoted(columns: Iterable[str], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{c}"' for c in columns)


def write_claims(
    con: duckdb.DuckDBPyConnection,
    claims: Sequence[Claim],
    *,
    doc_ids: Iterable[str] = (),
    group_ids: Mapping[str, str] | None = None,
) -> int:
    """Replace the claims of every document in `doc_ids` and of every claim given; returns rows written.

    Pass the processed documents in `doc_ids` so that a document which no longer yields any claim
    loses its old rows too.
    """
    affected = sorted({*doc_ids, *(c.doc_id for c in claims)})
    if affected:
        con.execute("DELETE FROM claims WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [affected])
    rows = [
        (
            c.claim_id,
            c.doc_id,
            c.sentence,
            c.start,
            c.end,
            c.text,
            c.value,
            c.unit,
            c.measure,
            json.dumps(list(c.subject)),
            c.period,
            c.attribution,
            c.sentence_text,
            json.dumps(list(c.target)),
            c.kind,
            c.scope,
            (group_ids or {}).get(c.claim_id),
        )
        for c in claims
    ]
    if rows:
        placeholders = ", ".join("?" for _ in _CLAIM_COLUMNS)
        con.executemany(f"INSERT INTO claims ({_quoted(_CLAIM_COLUMNS)}) VALUES ({placeholders})", rows)
    return len(rows)


def write_claim_groups(con: duckdb.DuckDBPyConnection, groups: Sequence[ClaimGroup]) -> int:
    """Replace all claim groups with `groups` and point each member claim at its group."""
    con.execute("DELETE FROM claim_groups")
    con.execute("UPDATE claims SET group_id = NULL")
    return replace_claim_groups(con, [], groups)


def replace_claim_groups(con: duckdb.DuckDBPyConnection, group_ids: Sequence[str], groups: Sequence[ClaimGroup]) -> int:
    """Delete the groups `group_ids` and write `groups` in their place (set-based: one statement per
    table); each member claim points at its new group, and a claim of a deleted group that no new group
    lists is left with none."""
    old = sorted({*group_ids, *(g.group_id for g in groups)})
    if old:
        con.execute("DELETE FROM claim_groups WHERE group_id IN (SELECT unnest(?::VARCHAR[]))", [old])
        con.execute("UPDATE claims SET group_id = NULL WHERE group_id IN (SELECT unnest(?::VARCHAR[]))", [old])
    if not groups:
        return 0
    import pyarrow as pa

    con.register("_groups", pa.table({
        "group_id": pa.array([g.group_id for g in groups], type=pa.string()),
        "measure": pa.array([g.measure for g in groups], type=pa.string()),
        "unit": pa.array([g.unit for g in groups], type=pa.string()),
        "subject": pa.array([json.dumps(list(g.subject)) for g in groups], type=pa.string()),
        "status": pa.array([g.status for g in groups], type=pa.string()),
        "reason": pa.array([g.reason for g in groups], type=pa.string()),
        "n_claims": pa.array([g.n_claims for g in groups], type=pa.int32()),
        "n_documents": pa.array([g.n_documents for g in groups], type=pa.int32()),
        "min_value": pa.array([g.min_value for g in groups], type=pa.float64()),
        "max_value": pa.array([g.max_value for g in groups], type=pa.float64()),
        "target": pa.array([json.dumps(list(g.target)) for g in groups], type=pa.string()),
        "kind": pa.array([g.kind for g in groups], type=pa.string()),
        "scope": pa.array([g.scope for g in groups], type=pa.string()),
    }))
    con.register("_members", pa.table({
        "claim_id": pa.array([c for g in groups for c in g.claim_ids], type=pa.string()),
        "group_id": pa.array([g.group_id for g in groups for _ in g.claim_ids], type=pa.string()),
    }))
    try:
        select = ", ".join(f'"{c}"::JSON' if c in ("subject", "target") else f'"{c}"' for c in _GROUP_COLUMNS)
        con.execute(f"INSERT INTO claim_groups ({_quoted(_GROUP_COLUMNS)}) SELECT {select} FROM _groups")
        con.execute("UPDATE claims SET group_id = m.group_id FROM _members AS m WHERE claims.claim_id = m.claim_id")
    finally:
        con.unregister("_groups")
        con.unregister("_members")
    return len(groups)


def ungrouped_claims(con: duckdb.DuckDBPyConnection) -> list[Claim]:
    """The claims in no group yet (new ones), in document order."""
    rows = con.execute(
        f"SELECT {_quoted(_CLAIM_COLUMNS)} FROM claims WHERE group_id IS NULL ORDER BY doc_id, start"
    ).fetchall()
    return [_claim_of(row) for row in rows]


def stale_claim_groups(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Groups whose stored claim count no longer matches the claims that point at them (a member was
    removed or re-analysed), and group ids claims point at that have no group row."""
    return [r[0] for r in con.execute(
        """WITH members AS (SELECT group_id, count(*) AS n FROM claims WHERE group_id IS NOT NULL GROUP BY group_id)
           SELECT coalesce(g.group_id, m.group_id) FROM claim_groups g FULL JOIN members m USING (group_id)
           WHERE m.n IS DISTINCT FROM g.n_claims ORDER BY 1"""
    ).fetchall()]


def read_claims_to_regroup(con: duckdb.DuckDBPyConnection, group_ids: Sequence[str]) -> list[Claim]:
    """The claims in no group yet and those of the groups `group_ids`, in document order."""
    rows = con.execute(
        f"SELECT {_quoted(_CLAIM_COLUMNS)} FROM claims WHERE group_id IS NULL "
        "OR group_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, start",
        [list(group_ids)],
    ).fetchall()
    return [_claim_of(row) for row in rows]


def _claim_of(row: Sequence[Any]) -> Claim:
    values = dict(zip(_CLAIM_COLUMNS, row, strict=True))
    values.pop("group_id")
    values["subject"] = tuple(json.loads(values["subject"] or "[]"))
    values["target"] = tuple(json.loads(values["target"] or "[]"))
    values["kind"] = values["kind"] or "level"
    values["sentence_text"] = values["sentence_text"] or ""
    return Claim(**values)


def read_all_claims(con: duckdb.DuckDBPyConnection) -> list[Claim]:
    """Every stored claim as a record, in document order (the input of `group_claims`)."""
    rows = con.execute(f"SELECT {_quoted(_CLAIM_COLUMNS)} FROM claims ORDER BY doc_id, start").fetchall()
    return [_claim_of(row) for row in rows]


def read_claim_rows(
    con: duckdb.DuckDBPyConnection, *, conflicts: bool = False, doc_id: str | None = None
) -> list[dict[str, Any]]:
    """Claims joined with their group, as plain rows for `multipolar claims [--conflicts]`.

    With `conflicts`, only claims in contradicted or different-period groups, grouped together.
    """
    where = []
    params: list[Any] = []
    if conflicts:
        where.append("g.status IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(CONFLICT_STATUSES))
    if doc_id is not None:
        where.append("c.doc_id = ?")
        params.append(doc_id)
    sql = (
        f"SELECT {_quoted(_CLAIM_COLUMNS, prefix='c.')}, "
        "g.status, g.reason FROM claims AS c LEFT JOIN claim_groups AS g ON c.group_id = g.group_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY c.group_id NULLS LAST, c.doc_id, c.start"
    )
    out = []
    for row in con.execute(sql, params).fetchall():
        record = dict(zip((*_CLAIM_COLUMNS, "status", "reason"), row, strict=True))
        record["subject"] = json.loads(record["subject"] or "[]")
        record["target"] = json.loads(record["target"] or "[]")
        out.append(record)
    return out


def read_claim_groups(con: duckdb.DuckDBPyConnection, *, conflicts: bool = False) -> list[ClaimGroup]:
    """Stored groups as records (member claim ids included), conflicts first."""
    members: dict[str, list[str]] = {}
    for claim_id, group_id in con.execute(
        "SELECT claim_id, group_id FROM claims WHERE group_id IS NOT NULL ORDER BY doc_id, start"
    ).fetchall():
        members.setdefault(group_id, []).append(claim_id)
    sql = f"SELECT {_quoted(_GROUP_COLUMNS)} FROM claim_groups"
    params: list[Any] = []
    if conflicts:
        sql += " WHERE status IN (SELECT unnest(?::VARCHAR[]))"
        params.append(list(CONFLICT_STATUSES))
    order = " ".join(f"WHEN '{status}' THEN {i}" for i, status in enumerate(STATUSES))
    sql += f" ORDER BY CASE status {order} END, measure, group_id"
    groups = []
    for row in con.execute(sql, params).fetchall():
        values = dict(zip(_GROUP_COLUMNS, row, strict=True))
        values["subject"] = tuple(json.loads(values["subject"] or "[]"))
        values["target"] = tuple(json.loads(values["target"] or "[]"))
        values["kind"] = values["kind"] or "level"
        groups.append(ClaimGroup(**values, claim_ids=tuple(members.get(values["group_id"], ()))))
    return groups
