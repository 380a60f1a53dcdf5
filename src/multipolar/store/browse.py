"""The reads behind the dashboard (`multipolar serve`): one event with everything that traces it, event
search with sorting and paging, the actors in the store, one story, one document.

Like `queries`, every function takes an open `Store` and returns plain values; filters arrive as values
and sort keys are checked against a fixed list, so nothing a request sends enters the SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from multipolar.errors import UsageError
from multipolar.store.queries import EventFilters

if TYPE_CHECKING:
    from multipolar.store import Store

# the columns a search may sort by (a request names one of them, never SQL)
SORT_KEYS = ("date", "source_actor", "target_actor", "cameo", "quad", "goldstein", "confidence", "outlet")
SEARCH_COLUMNS = (
    "event_id", "date", "source_actor", "target_actor", "cameo", "root", "quad", "goldstein", "confidence",
    "modality", "negated", "text", "doc_id", "outlet", "title", "url", "canonical_id", "num_articles",
)
MAX_PAGE_SIZE = 500


@dataclass(frozen=True, slots=True)
class EventSearch:
    """One page of an event search: the CLI's filters plus outlet and text, a sort key and a page."""

    filters: EventFilters = EventFilters()
    outlet: str | None = None  # exact outlet (documents.outlet)
    text: str | None = None  # words the sentence contains (case-insensitive)
    sort: str = "date"
    descending: bool = True
    page: int = 1
    per_page: int = 50

    def check(self) -> EventSearch:
        if self.sort not in SORT_KEYS:
            raise UsageError(f"sort {self.sort!r}: expected one of {', '.join(SORT_KEYS)}")
        if self.page < 1:
            raise UsageError(f"page {self.page}: pages are numbered from 1")
        if not 1 <= self.per_page <= MAX_PAGE_SIZE:
            raise UsageError(f"per_page {self.per_page}: expected 1 to {MAX_PAGE_SIZE}")
        return self


@dataclass(frozen=True, slots=True)
class SearchPage:
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event, its document (with the sentence's offsets into the cleaned text), the other reports of
    the same act (its canonical group) and its story."""

    event: dict[str, Any]
    document: dict[str, Any] | None
    same_act: tuple[dict[str, Any], ...] = ()
    story: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class StoryDetail:
    story: dict[str, Any]
    documents: tuple[dict[str, Any], ...] = ()
    events: tuple[dict[str, Any], ...] = field(default=())
    merged: tuple[dict[str, Any], ...] = ()  # stories merged into this one: id, rule, similarity, documents


def _records(columns: list[str], rows: list[tuple]) -> list[dict[str, Any]]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


def search_events(store: Store, search: EventSearch) -> SearchPage:
    """One page of events matching the search, with the number of matches."""
    search.check()
    where, params = search.filters.conditions()  # conditions on the events table's own columns
    if search.outlet:
        where.append("doc_id IN (SELECT doc_id FROM documents WHERE outlet = ?)")
        params.append(search.outlet)
    if search.text:
        where.append("contains(lower(text), ?)")
        params.append(search.text.lower())
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = store.query(f"SELECT count(*) FROM events{clause}", params)[1][0][0]
    direction = "DESC" if search.descending else "ASC"
    if search.sort == "outlet":
        source = f"(SELECT e.*, d.outlet AS _outlet FROM events e LEFT JOIN documents d USING (doc_id)) AS x{clause}"
        order = "_outlet"
    else:
        source, order = f"events{clause}", f'"{search.sort}"'
    event_cols = [c for c in SEARCH_COLUMNS if c not in ("outlet", "title", "url")]
    inner = ", ".join(f'"{c}"' for c in event_cols)
    select = ", ".join(
        f"d.{c}" if c in ("outlet", "title") else ("coalesce(p.url, d.url) AS url" if c == "url" else f'p."{c}"')
        for c in SEARCH_COLUMNS
    )
    outer = "d.outlet" if search.sort == "outlet" else f'p."{search.sort}"'
    sql = (f"WITH p AS (SELECT {inner}, url FROM {source} ORDER BY {order} {direction} NULLS LAST, event_id "
           f"LIMIT {int(search.per_page)} OFFSET {int((search.page - 1) * search.per_page)}) "
           f"SELECT {select} FROM p LEFT JOIN documents d USING (doc_id) "
           f"ORDER BY {outer} {direction} NULLS LAST, p.event_id")
    columns, rows = store.query(sql, params)
    return SearchPage(tuple(columns), tuple(tuple(r) for r in rows), int(total), search.page, search.per_page)


_EVENT_DETAIL = (
    "event_id", "doc_id", "sentence", "date", "date_precision", "source", "source_actor", "source_name", "target",
    "target_actor", "target_name", "cameo", "root", "quad", "goldstein", "plover", "plover_mode", "negated",
    "modality", "confidence", "trigger", "text", "span_start", "span_end", "story_id", "mentions", "canonical_id",
    "num_mentions", "num_articles", "num_sources", "origin", "url",
)


def event_detail(store: Store, event_id: str) -> EventDetail | None:
    """The event `event_id` with its document, its canonical group and its story; None if unknown."""
    names = ", ".join(f'"{c}"' for c in _EVENT_DETAIL)
    columns, rows = store.query(f"SELECT {names} FROM events WHERE event_id = ?", [event_id])
    if not rows:
        return None
    event = dict(zip(columns, rows[0], strict=True))
    document = None
    if event["doc_id"]:
        dcols, drows = store.query(
            "SELECT doc_id, title, outlet, url, source_uri, strftime(published, '%Y-%m-%d') AS published, "
            "published_from, near_duplicate_of, spun, story_id, text FROM documents WHERE doc_id = ?",
            [event["doc_id"]],
        )
        document = dict(zip(dcols, drows[0], strict=True)) if drows else None
    same_act: list[dict[str, Any]] = []
    if event["canonical_id"]:
        same_act = _records(*store.query(
            "SELECT e.event_id, e.date, e.source_actor, e.target_actor, e.cameo, e.goldstein, e.text, e.doc_id, "
            "d.title, d.outlet, coalesce(e.url, d.url) AS url, e.event_id = e.canonical_id AS canonical "
            "FROM events e LEFT JOIN documents d USING (doc_id) "
            "WHERE e.canonical_id = ? AND e.event_id <> ? ORDER BY e.date NULLS LAST, e.event_id",
            [event["canonical_id"], event_id],
        ))
    story_id = event["story_id"] or (document or {}).get("story_id")
    story = None
    if story_id:
        scols, srows = store.query(
            "SELECT story_id, title, strftime(first_date, '%Y-%m-%d') AS first_date, "
            "strftime(last_date, '%Y-%m-%d') AS last_date, n_documents FROM stories WHERE story_id = ?", [story_id])
        story = dict(zip(scols, srows[0], strict=True)) if srows else None
    return EventDetail(event, document, tuple(same_act), story)


def story_detail(store: Store, story_id: str, *, event_limit: int = 200) -> StoryDetail | None:
    """A story with its documents, its events (newest first, at most `event_limit`) and the stories merged
    into it (rule stories.bridge_merge); a merged story's id gives the story it went into. None if unknown."""
    for _ in range(100):  # a merged id leads to the story it went into (records are kept pointing at the last)
        _, into = store.query("SELECT into_id FROM story_merges WHERE merged_id = ?", [story_id])
        if not into:
            break
        story_id = into[0][0]
    scols, srows = store.query(
        "SELECT story_id, title, strftime(first_date, '%Y-%m-%d') AS first_date, "
        "strftime(last_date, '%Y-%m-%d') AS last_date, n_documents, actors FROM stories WHERE story_id = ?",
        [story_id])
    if not srows:
        return None
    merged = _records(*store.query(
        "SELECT merged_id, rule, similarity, n_documents FROM story_merges WHERE into_id = ? ORDER BY merged_id",
        [story_id]))
    documents = _records(*store.query(
        "SELECT doc_id, title, outlet, url, source_uri, strftime(published, '%Y-%m-%d') AS published "
        "FROM documents WHERE story_id = ? ORDER BY published NULLS LAST, doc_id", [story_id]))
    events = _records(*store.query(
        "SELECT event_id, date, source_actor, target_actor, cameo, goldstein, text, doc_id FROM events "
        "WHERE doc_id IN (SELECT doc_id FROM documents WHERE story_id = ?) "
        "ORDER BY date DESC NULLS LAST, event_id LIMIT ?", [story_id, int(event_limit)]))
    return StoryDetail(dict(zip(scols, srows[0], strict=True)), tuple(documents), tuple(events), tuple(merged))


def actor_counts(store: Store, *, limit: int = 300) -> list[tuple[str, int]]:
    """The 3-letter actor codes of the stored events with their number of events, most frequent first."""
    _, rows = store.query(
        "SELECT code, count(*) AS n FROM (SELECT source AS code FROM events UNION ALL "
        "SELECT target FROM events WHERE target IS NOT NULL) GROUP BY code ORDER BY n DESC, code LIMIT ?",
        [int(limit)])
    return [(str(code), int(n)) for code, n in rows if code]


def outlets(store: Store, *, limit: int = 500) -> list[str]:
    """The outlets of the stored documents, by name."""
    _, rows = store.query(
        "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet LIMIT ?", [int(limit)])
    return [str(r[0]) for r in rows]


def data_version(store: Store) -> tuple:
    """Figures that change when rows are added or removed, and the `meta` rows the stages set (a cache
    key; whole-table counts come from DuckDB's metadata, so this stays cheap on a large store)."""
    _, rows = store.query(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM stories), "
        "(SELECT count(*) FROM claims), (SELECT count(*) FROM claim_groups), (SELECT count(*) FROM rejections), "
        "(SELECT string_agg(key || '=' || value, ';' ORDER BY key) FROM meta)")
    return tuple(rows[0])
