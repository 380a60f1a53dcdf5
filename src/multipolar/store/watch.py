"""The SQL of `multipolar watch`: per-source poll state, per-file state of watched folders, alerts.

Tables (schema migration 2): `watch_sources` (one row per watched feed, GDELT update URL, folder or
file), `watch_files` (path, size, mtime, sha256 of each file of a watched folder when last ingested),
`watch_seen_events` (per scope, i.e. the watched actors, the events its alert rules have judged: what
is not there is new, even after a run killed between storing events and judging them), `alerts` (one
row per alert; `alert_id` is the primary key, so the same alert is stored once).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
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


def _scope_sql(prefixes: Sequence[str]) -> tuple[str, list[str]]:
    codes = sorted(set(prefixes))
    marks = ", ".join("?" for _ in codes)
    return (f"source IN ({marks}) AND target IN ({marks}) AND source <> target AND date IS NOT NULL", codes + codes)


def begin_scope(store: Any, scope: str, prefixes: Sequence[str]) -> bool:
    """The first time a watcher alerts on `scope` (its actors), take the events stored now as seen, so
    history raises no alerts; later calls do nothing. True when it seeded the scope."""
    key = f"watch_scope:{scope}"
    if store.con.execute("SELECT count(*) FROM meta WHERE key = ?", [key]).fetchall()[0][0]:
        return False
    where, params = _scope_sql(prefixes)
    with store.transaction():
        store.con.execute(
            f"INSERT OR IGNORE INTO watch_seen_events SELECT ?, event_id FROM events WHERE {where}", [scope, *params]
        )
        store.con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          [key, utcnow().isoformat()])
    return True


def earliest_unseen_event(store: Any, scope: str, prefixes: Sequence[str]) -> date | None:
    """The earliest date of an event between the scope's actors that its alerts have not judged yet."""
    where, params = _scope_sql(prefixes)
    rows = store.con.execute(
        f"SELECT min(date) FROM events WHERE {where} AND event_id NOT IN "
        "(SELECT event_id FROM watch_seen_events WHERE scope = ?)",
        [*params, scope],
    ).fetchall()
    return rows[0][0] if rows else None


def mark_seen(store: Any, scope: str, prefixes: Sequence[str]) -> None:
    """Every event between the scope's actors stored now has been judged by its alerts."""
    where, params = _scope_sql(prefixes)
    with store.transaction():
        store.con.execute(
            f"INSERT OR IGNORE INTO watch_seen_events SELECT ?, event_id FROM events WHERE {where}", [scope, *params]
        )


def known_alert_ids(store: Any, ids: Sequence[str]) -> set[str]:
    """Which of these alert ids are stored already."""
    if not ids:
        return set()
    return {row[0] for row in store.con.execute(
        "SELECT alert_id FROM alerts WHERE alert_id IN (SELECT unnest(?))", [list(ids)]
    ).fetchall()}


def add_alerts(store: Any, alerts: Sequence[Alert]) -> list[Alert]:
    """Store the alerts not stored before (by `alert_id`); return those, with their `raised_at`."""
    if not alerts:
        return []
    now = utcnow()
    new: list[Alert] = []
    with store.transaction():
        known = known_alert_ids(store, [a.alert_id for a in alerts])
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
