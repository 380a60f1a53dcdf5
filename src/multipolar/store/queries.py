"""The reads behind the API's listings (documents, events, stories, rejections) and document removal.

Every function takes an open `Store` and returns `(columns, rows)` or plain values; filters arrive as
values (never as SQL), so the layers above hold no SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from multipolar.errors import UsageError

if TYPE_CHECKING:
    from multipolar.store import Store

Rows = tuple[list[str], list[tuple]]

DOCUMENT_COLUMNS = (
    "doc_id", "id", "url", "source_uri", "title", "author", "outlet", "published", "published_from",
    "language", "spun_score", "spun", "near_duplicate_of", "story_id", "flags", "text",
)
EVENT_LIST_COLUMNS = (
    "event_id", "doc_id", "sentence", "date", "date_precision", "source", "source_actor", "source_name",
    "target", "target_actor", "target_name", "cameo", "root", "quad", "goldstein", "plover", "plover_mode",
    "negated", "modality", "confidence", "trigger", "text", "span_start", "span_end", "story_id", "mentions",
    "canonical_id", "num_mentions", "num_articles", "num_sources", "origin", "url", "date_flag",
)


def _limit(sql: str, limit: int | None) -> str:
    return sql + f" LIMIT {int(limit)}" if limit else sql


def documents(
    store: Store, *, doc: str | None = None, language: str | None = None, since: date | None = None,
    until: date | None = None, published_from: str | None = None, limit: int | None = None,
) -> Rows:
    """Cleaned documents (not rejected ones), by publication day then source."""
    conditions = (("starts_with(doc_id, ?)", doc), ("language = ?", language), ("published >= ?", since),
                  ("published <= ?", until), ("published_from = ?", published_from))
    given = [(condition, value) for condition, value in conditions if value]
    where = ["cleaned_by IS NOT NULL AND cleaned_by NOT LIKE '%:rejected'", *(c for c, _ in given)]
    params: list[Any] = [value for _, value in given]
    sql = (
        "SELECT doc_id, input_id AS id, url, source_uri, title, author, outlet, "
        "strftime(published, '%Y-%m-%d') AS published, published_from, language, spun_score, spun, "
        "near_duplicate_of, story_id, flags, text FROM documents WHERE " + " AND ".join(where)
        + " ORDER BY published NULLS LAST, source_uri"
    )
    return store.query(_limit(sql, limit), params)


def rejections(store: Store, *, limit: int | None = None) -> Rows:
    sql = 'SELECT source_uri, doc_id, stage, code, message, "at" FROM rejections ORDER BY "at", source_uri'
    return store.query(_limit(sql, limit))


def stories(store: Store, *, limit: int | None = None) -> Rows:
    sql = (
        "SELECT s.story_id, s.title, strftime(s.first_date, '%Y-%m-%d') AS first_date, "
        "strftime(s.last_date, '%Y-%m-%d') AS last_date, s.n_documents, s.actors, "
        "(SELECT list(d.doc_id ORDER BY d.published, d.doc_id) FROM documents d WHERE d.story_id = s.story_id) "
        "AS documents FROM stories s ORDER BY s.first_date NULLS LAST, s.story_id"
    )
    return store.query(_limit(sql, limit))


def corpus_span(store: Store) -> tuple[date | None, date | None]:
    """The first and last publication day of the stored documents."""
    first, last = store.query("SELECT min(published), max(published) FROM documents")[1][0]
    return first, last


def count_unscored(store: Store) -> int:
    """Clean documents the cross-document stages have not seen yet (no spun score)."""
    return store.query("SELECT count(*) FROM documents WHERE text IS NOT NULL AND spun_score IS NULL")[1][0][0]


def actor_prefixes(store: Store) -> set[str]:
    """The country (or collective) prefixes of every actor code in the stored events."""
    _, rows = store.query(
        "SELECT DISTINCT substr(code, 1, 3) FROM (SELECT source_actor AS code FROM events "
        "UNION SELECT target_actor FROM events WHERE target_actor IS NOT NULL)"
    )
    return {row[0] for row in rows if row[0]}


# -- events ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventFilters:
    """What `events` keeps: every field left at its default keeps everything."""

    actors: tuple[str, ...] = ()       # source or target code prefixes; two of them: rows touching both
    code: str | None = None            # CAMEO code prefix
    root: str | None = None            # CAMEO root 01-20
    quad: int | None = None            # QuadClass 1-4
    since: date | None = None
    until: date | None = None
    doc: str | None = None             # doc_id or its prefix
    canonical: bool = False            # one row per real-world event
    origin: str | None = None          # 'multipolar' or 'gdelt'
    date_precision: str | None = None  # day | month | year | doc | doc_story | doc_text | doc_ingest
    limit: int | None = None

    def conditions(self) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        for code in self.actors:
            where.append("(starts_with(source_actor, ?) OR starts_with(coalesce(target_actor, ''), ?))")
            params += [code.upper()] * 2
        if self.quad is not None and self.quad not in (1, 2, 3, 4):
            raise UsageError(f"quad {self.quad}: QuadClass is 1, 2, 3 or 4")
        # (value, condition with one parameter): a condition applies when its value is set
        for value, condition in (
            (self.code, "starts_with(cameo, ?)"),
            (self.root.zfill(2) if self.root else None, "root = ?"),
            (self.quad, "quad = ?"),
            (self.since, "date >= ?"),
            (self.until, "date <= ?"),
            (self.doc, "starts_with(doc_id, ?)"),
            (self.origin, "origin = ?"),
            (self.date_precision, "date_precision = ?"),
        ):
            if value is not None and value != "":
                where.append(condition)
                params.append(value)
        if self.canonical:
            where.append("(canonical_id IS NULL OR canonical_id = event_id)")
        return where, params


def events(store: Store, filters: EventFilters, columns: Sequence[str] = EVENT_LIST_COLUMNS) -> Rows:
    from multipolar.store.analysis import query_events

    where, params = filters.conditions()
    return query_events(store, columns, where=where, params=params, limit=filters.limit)


def event_records(store: Store, filters: EventFilters) -> list[Any]:
    from multipolar.store.analysis import read_events

    where, params = filters.conditions()
    return read_events(store, where=where, params=params, limit=filters.limit)


# -- removal --------------------------------------------------------------------------------------
_DERIVED = ("sentences", "mentions", "claims")


def resolve_doc_ids(store: Store, given: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """(found doc_ids, unknown inputs, ambiguous inputs): each input is a doc_id or a unique prefix of one."""
    found: list[str] = []
    unknown: list[str] = []
    ambiguous: list[str] = []
    for value in given:
        _, rows = store.query("SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) LIMIT 2", [value])
        exact = [r[0] for r in rows if r[0] == value]
        if exact or len(rows) == 1:
            doc_id = exact[0] if exact else rows[0][0]
            if doc_id not in found:
                found.append(doc_id)
        elif rows:
            ambiguous.append(value)
        else:
            unknown.append(value)
    return found, unknown, ambiguous


def remove_documents(store: Store, doc_ids: Sequence[str]) -> dict[str, int]:
    """Delete documents with every row derived from them, in one transaction; counts per table.

    Documents that pointed at a removed one as their near duplicate lose the pointer (and the stored
    near-duplicate index is emptied, to be rebuilt), stories lose the removed members (an emptied story goes), and claim groups are left to the next regrouping."""
    import pyarrow as pa

    from multipolar.store.analysis import forget_dedup_groups
    from multipolar.store.neardup import clear as clear_near_duplicate_index

    counts: dict[str, int] = {}
    if not doc_ids:
        return counts
    con = store.con
    with store.transaction():
        con.register("_rm", pa.table({"doc_id": list(doc_ids)}))
        try:
            def delete(table: str, extra: str = "") -> int:
                return con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _rm){extra}"
                ).fetchall()[0][0]

            forget_dedup_groups(con, "SELECT doc_id FROM _rm")
            counts["events"] = delete("events", " AND origin = 'multipolar'")
            for table in _DERIVED:
                counts[table] = delete(table)
            counts["rejections"] = delete("rejections")
            delete("story_vectors")  # not counted: a cache of what the analysis stage embedded
            story_ids = [r[0] for r in con.execute(
                "SELECT DISTINCT story_id FROM documents WHERE doc_id IN (SELECT doc_id FROM _rm) "
                "AND story_id IS NOT NULL").fetchall()]
            con.execute("UPDATE documents SET near_duplicate_of = NULL "
                        "WHERE near_duplicate_of IN (SELECT doc_id FROM _rm)")
            clear_near_duplicate_index(con)  # rebuilt from the remaining texts by the next analysis
            counts["documents"] = delete("documents")
            if story_ids:
                con.execute(
                    "UPDATE stories SET n_documents = (SELECT count(*) FROM documents d "
                    "WHERE d.story_id = stories.story_id) WHERE story_id IN (SELECT unnest(?))", [story_ids])
                counts["stories"] = con.execute(
                    "DELETE FROM stories WHERE story_id IN (SELECT unnest(?)) AND n_documents = 0", [story_ids]
                ).fetchall()[0][0]
                con.execute("DELETE FROM story_merges WHERE into_id IN (SELECT unnest(?)) "  # into a story now gone
                            "AND into_id NOT IN (SELECT story_id FROM stories)", [story_ids])
            con.execute("DELETE FROM claim_groups WHERE group_id NOT IN "
                        "(SELECT group_id FROM claims WHERE group_id IS NOT NULL)")
        finally:
            con.unregister("_rm")
    return counts
