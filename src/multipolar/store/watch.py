"""The SQL of `multipolar watch`: per-source poll state, per-file state of watched folders, alerts.

Tables (schema migration 2): `watch_sources` (one row per watched feed, GDELT update URL, folder or
file), `watch_files` (path, size, mtime, sha256 of each file of a watched folder when last ingested),
`alerts` (one row per alert; `alert_id` is the primary key, so the same alert is stored once).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from multipolar.records import Alert, WatchState, utcnow
from multipolar.safe_text import repair

_STATE_COLUMNS = ("url", "kind", "etag", "last_modified", "last_polled", "last_ok", "failures", "next_poll",
                  "last_error", "last_status", "last_item")
ALERT_COLUMNS = ("alert_id", "raised_at", "kind", "actors", "period", "summary", "event_ids", "detail")


def _safe(text: str | None) -> str | None:
    return repair(text)[0] if text else text


def watch_state(store: Any, url: str) -> WatchState | None:
    rows = store.con.execute(
        f"SELECT {', '.join(_STATE_COLUMNS)} FROM watch_sources WHERE url = ?", [url]
    ).fetchall()
    return WatchState(*rows[0]) if rows else None


def watch_states(store: Any) -> list[WatchState]:
    rows = store.con.execute(f"SELECT {', '.join(_STATE_COLUMNS)} FROM watch_sources ORDER BY url").fetchall()
    return [WatchState(*row) for row in rows]


def save_watch_state(store: Any, state: WatchState) -> None:
    values = [getattr(state, c) for c in _STATE_COLUMNS]
    values[_STATE_COLUMNS.index("last_error")] = _safe(state.last_error)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _STATE_COLUMNS[1:])
    with store.transaction():
        store.con.execute(
            f"INSERT INTO watch_sources ({', '.join(_STATE_COLUMNS)}) VALUES ({', '.join('?' for _ in _STATE_COLUMNS)}) "
            f"ON CONFLICT (url) DO UPDATE SET {updates}",
            values,
        )


def file_states(store: Any, source: str) -> dict[str, tuple[int, int, str]]:
    """path -> (size, mtime_ns, sha256) of the files of a watched folder as last ingested."""
    rows = store.con.execute("SELECT path, size, mtime_ns, sha256 FROM watch_files WHERE source = ?", [source]).fetchall()
    return {path: (size, mtime, sha) for path, size, mtime, sha in rows}


def save_file_states(store: Any, source: str, files: Sequence[tuple[str, int, int, str]]) -> None:
    """Record (path, size, mtime_ns, sha256) of files just ingested (or found unchanged)."""
    if not files:
        return
    now = utcnow()
    with store.transaction():
        for path, size, mtime, sha in files:
            store.con.execute(
                "INSERT INTO watch_files VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET "
                "source = excluded.source, size = excluded.size, mtime_ns = excluded.mtime_ns, "
                "sha256 = excluded.sha256, seen_at = excluded.seen_at",
                [_safe(path), source, size, mtime, sha, now],
            )


def snapshot_events(store: Any, prefixes: Sequence[str]) -> None:
    """Remember (in a temporary table) the events between the given actors that are stored now, so
    `earliest_new_event` can tell which came after."""
    codes = sorted(set(prefixes))
    marks = ", ".join("?" for _ in codes)
    store.con.execute(
        f"CREATE OR REPLACE TEMP TABLE _watch_seen AS SELECT event_id FROM events "
        f"WHERE source IN ({marks}) AND target IN ({marks})",
        codes + codes,
    )


def earliest_new_event(store: Any, prefixes: Sequence[str]) -> datetime | None:
    """The earliest date of an event between the actors stored since `snapshot_events` (None: none)."""
    codes = sorted(set(prefixes))
    marks = ", ".join("?" for _ in codes)
    rows = store.con.execute(
        f"SELECT min(date) FROM events WHERE source IN ({marks}) AND target IN ({marks}) AND source <> target "
        "AND date IS NOT NULL AND event_id NOT IN (SELECT event_id FROM _watch_seen)",
        codes + codes,
    ).fetchall()
    return rows[0][0] if rows else None


def add_alerts(store: Any, alerts: Sequence[Alert]) -> list[Alert]:
    """Store the alerts not stored before (by `alert_id`); return those, with their `raised_at`."""
    if not alerts:
        return []
    now = utcnow()
    new: list[Alert] = []
    with store.transaction():
        ids = [a.alert_id for a in alerts]
        known = {row[0] for row in store.con.execute(
            "SELECT alert_id FROM alerts WHERE alert_id IN (SELECT unnest(?))", [ids]
        ).fetchall()}
        for alert in alerts:
            if alert.alert_id in known:
                continue
            known.add(alert.alert_id)
            store.con.execute(
                "INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?::JSON, ?)",
                [alert.alert_id, now, alert.kind, alert.actors, alert.period, _safe(alert.summary),
                 _safe(json.dumps(alert.detail, ensure_ascii=False, default=str)), list(alert.event_ids)],
            )
            new.append(Alert(alert.alert_id, alert.kind, alert.actors, alert.period, alert.summary, alert.detail,
                             alert.event_ids, now))
    return new


def alerts(store: Any, *, limit: int | None = None, since: datetime | None = None) -> tuple[list[str], list[tuple]]:
    """Stored alerts, newest first; `since` keeps those raised at or after it."""
    sql = f"SELECT {', '.join(ALERT_COLUMNS)} FROM alerts"
    params: list[Any] = []
    if since is not None:
        sql += " WHERE raised_at >= ?"
        params.append(since)
    sql += " ORDER BY raised_at DESC, period DESC, alert_id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    cursor = store.con.execute(sql, params)
    rows = [tuple(row[:-1]) + (json.loads(row[-1]) if row[-1] else None,) for row in cursor.fetchall()]
    return list(ALERT_COLUMNS), rows
