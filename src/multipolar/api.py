"""The Python API: one `Project` per store file, the way the CLI, the report and notebooks use multipolar.

    from multipolar import Project

    with Project("news.duckdb") as project:
        project.ingest(["feeds/", "https://example.org/rss"])
        frame = project.events(actor=["USA", "CHN"], root="04", since="2025-01-01").frame()
        table = frame.to_arrow()            # or frame.to_pandas(), frame.records()
        tri = project.triangle("USA", "CHN", "RUS")

Listings come back as a `Frame` (columns and rows, convertible to Arrow or pandas); relations as the
relation objects (`DyadSeries`, `Triangle`, `Shift`); nothing here prints, and nothing here holds SQL.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from multipolar.errors import StoreError, UsageError
from multipolar.records import IngestSummary
from multipolar.settings import Settings, load_settings
from multipolar.store import queries

Progress = Callable[[int], None]
DateLike = date | str | None


@dataclass(frozen=True)
class Frame:
    """Rows with named columns: iterate it for tuples, or convert it."""

    columns: tuple[str, ...]
    rows: tuple[tuple, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.rows)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> list[Any]:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]

    def select(self, names: Sequence[str]) -> Frame:
        index = [self.columns.index(name) for name in names]
        return Frame(tuple(names), tuple(tuple(row[i] for i in index) for row in self.rows))

    def to_arrow(self) -> Any:
        import pyarrow as pa

        return pa.table({name: [row[i] for row in self.rows] for i, name in enumerate(self.columns)})

    def to_pandas(self) -> Any:
        try:
            import pandas  # noqa: F401 - only to say what is missing
        except ImportError:
            raise UsageError("Frame.to_pandas needs pandas: pip install pandas (or use to_arrow())") from None
        return self.to_arrow().to_pandas()


def _frame(result: tuple[list[str], list[tuple]]) -> Frame:
    columns, rows = result
    return Frame(tuple(columns), tuple(tuple(row) for row in rows))


def as_date(value: DateLike, name: str = "date") -> date | None:
    """A date from a date or a YYYY-MM-DD string; anything else is a UsageError naming `name`."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"{name} {value!r}: expected a date as YYYY-MM-DD") from None


@dataclass(frozen=True)
class AnalysisSummary:
    analysed: int = 0
    events: int = 0
    claims: int = 0
    rejected: int = 0

    def line(self) -> str:
        text = f"{self.analysed} analysed: {self.events} events, {self.claims} claims"
        if self.rejected:
            text += f", {self.rejected} rejected — see `multipolar rejections`"
        return text


@dataclass(frozen=True)
class Removal:
    """What `Project.remove` deleted: the doc_ids and the rows per table."""

    doc_ids: tuple[str, ...]
    rows: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        parts = [f"{self.rows.get('documents', 0)} documents"]
        parts += [f"{n} {table}" for table, n in self.rows.items() if table != "documents" and n]
        return "removed " + ", ".join(parts)


@dataclass(frozen=True)
class EventQuery:
    """The events with the CLI's filters; each method returns a narrower query, `frame()` runs it."""

    project: Project
    filters: queries.EventFilters = queries.EventFilters()

    def where(self, **changes: Any) -> EventQuery:
        if "actors" in changes:
            changes["actors"] = tuple(self.project.check_actors(changes["actors"] or ()))
        for name in ("since", "until"):
            if name in changes:
                changes[name] = as_date(changes[name], name)
        return EventQuery(self.project, replace(self.filters, **changes))

    def actor(self, *codes: str) -> EventQuery:
        return self.where(actors=self.filters.actors + codes)

    def limit(self, n: int | None) -> EventQuery:
        return self.where(limit=n)

    def frame(self, columns: Sequence[str] = queries.EVENT_LIST_COLUMNS) -> Frame:
        return _frame(queries.events(self.project.store, self.filters, columns))

    def records(self) -> list[Any]:
        """The events as `Event` records (what the GDELT and PLOVER writers take)."""
        return queries.event_records(self.project.store, self.filters)

    def to_arrow(self) -> Any:
        return self.frame().to_arrow()

    def to_pandas(self) -> Any:
        return self.frame().to_pandas()


class Project:
    """One store file and the settings to work on it with. Open, use, close (or use `with`)."""

    def __init__(self, db: str | Path = "multipolar.duckdb", settings: Settings | dict[str, Any] | None = None,
                 *, read_only: bool = False) -> None:
        self.db = str(db)
        if isinstance(settings, dict):
            settings = load_settings({k: str(v) for k, v in settings.items()})
        self.settings = settings or load_settings()
        self.read_only = read_only
        self._store: Any = None

    # -- the store ---------------------------------------------------------------------------------
    @property
    def store(self) -> Any:
        if self._store is None:
            from multipolar.store import Store

            self._store = Store.open(self.db, read_only=self.read_only, memory_limit=self.settings.store_memory_limit)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _writable(self) -> Any:
        if self.read_only:
            raise StoreError(f"store {self.db} was opened read-only: open Project({self.db!r}) to change it")
        return self.store

    # -- writing -------------------------------------------------------------------------------------
    def ingest(self, inputs: Sequence[str | Path], *, progress: Progress | None = None) -> IngestSummary:
        """Store the inputs verbatim and clean them (bad ones become rejections); `analyse()` codes them."""
        from multipolar.pipeline import ingest

        return ingest(self._writable(), [str(x) for x in inputs], self.settings, progress=progress)

    def pending(self) -> int:
        """Clean English documents not analysed yet."""
        from multipolar.store.analysis import count_unanalysed

        return count_unanalysed(self.store)

    def analyse(self, *, progress: Progress | None = None) -> AnalysisSummary:
        """Code events and claims of the documents not analysed yet, then the cross-document stages."""
        from multipolar.analyse import analyse_store

        return AnalysisSummary(**analyse_store(self._writable(), self.settings, progress=progress))

    def remove(self, doc_ids: Sequence[str]) -> Removal:
        """Delete documents (doc_ids or unique prefixes) and every row derived from them."""
        from multipolar.analyse import deduplicate_store_events, regroup_claims

        store = self._writable()
        found, unknown, ambiguous = queries.resolve_doc_ids(store, doc_ids)
        if unknown or ambiguous:
            problems = [f"{x!r} matches no document" for x in unknown]
            problems += [f"{x!r} matches more than one document (give more of the doc_id)" for x in ambiguous]
            raise UsageError("; ".join(problems) + ": nothing removed (see `multipolar docs`)")
        rows = queries.remove_documents(store, found)
        regroup_claims(store, self.settings)
        deduplicate_store_events(store, self.settings)
        return Removal(tuple(found), rows)

    # -- reading -------------------------------------------------------------------------------------
    def documents(self, *, doc: str | None = None, language: str | None = None, since: DateLike = None,
                  until: DateLike = None, published_from: str | None = None, limit: int | None = None) -> Frame:
        return _frame(queries.documents(
            self.store, doc=doc, language=language, since=as_date(since, "since"), until=as_date(until, "until"),
            published_from=published_from, limit=limit,
        ))

    def events(self, *, actor: str | Sequence[str] = (), code: str | None = None, root: str | None = None,
               quad: int | None = None, since: DateLike = None, until: DateLike = None, doc: str | None = None,
               canonical: bool = False, origin: str | None = None, date_precision: str | None = None,
               limit: int | None = None) -> EventQuery:
        actors = (actor,) if isinstance(actor, str) else tuple(actor)
        return EventQuery(self).where(actors=actors, code=code, root=root, quad=quad, since=since, until=until,
                                      doc=doc, canonical=canonical, origin=origin, date_precision=date_precision,
                                      limit=limit)

    def stories(self, *, limit: int | None = None) -> Frame:
        return _frame(queries.stories(self.store, limit=limit))

    def claims(self, *, conflicts: bool = False, doc: str | None = None) -> Frame:
        from multipolar.store.claims import read_claim_rows

        rows = read_claim_rows(self.store.con, conflicts=conflicts, doc_id=doc)
        columns = tuple(rows[0]) if rows else ("claim_id", "doc_id", "text", "value", "unit", "measure", "subject",
                                                "period", "attribution", "sentence_text", "target", "kind",
                                                "scope", "group_id", "status", "reason")
        return Frame(columns, tuple(tuple(r.get(c) for c in columns) for r in rows))

    def rejections(self, *, limit: int | None = None) -> Frame:
        return _frame(queries.rejections(self.store, limit=limit))

    def corpus_span(self) -> tuple[date | None, date | None]:
        return queries.corpus_span(self.store)

    # -- relations -----------------------------------------------------------------------------------
    def check_actors(self, codes: Iterable[str]) -> list[str]:
        """The codes, upper-cased; one neither in the gazetteer nor in the stored events is a UsageError
        that suggests the nearest known codes."""
        out = []
        known: set[str] | None = None
        for code in codes:
            norm = code.strip().upper()
            if known is None:
                known = _known_actor_codes(self)
            if norm not in known and norm[:3] not in known:
                near = difflib.get_close_matches(norm, sorted(known), n=3, cutoff=0.5)
                hint = f"did you mean {', '.join(near)}?" if near else "see `multipolar events` for the codes stored"
                raise UsageError(f"actor code {code!r} is unknown (not in the gazetteer or the stored events): {hint}")
            out.append(norm)
        return out

    def dyads(self, a: str, b: str, *, freq: str = "month", normalisation: str = "none", since: DateLike = None,
              until: DateLike = None) -> Any:
        from multipolar.relations.dyads import dyad_series

        a, b = self.check_actors((a, b))
        return dyad_series(self.store.con, a, b, settings=self.settings, freq=freq, normalisation=normalisation,
                           start=as_date(since, "since"), end=as_date(until, "until"))

    def triangle(self, a: str, b: str, c: str, *, freq: str = "month", since: DateLike = None,
                 until: DateLike = None) -> Any:
        from multipolar.relations.triangle import triangle_series

        actors = tuple(self.check_actors((a, b, c)))
        return triangle_series(self.store.con, actors, settings=self.settings, freq=freq,
                               start=as_date(since, "since"), end=as_date(until, "until"))

    def shifts(self, a: str, b: str, c: str | None = None, *, freq: str = "month") -> list[Any]:
        """Change points: of the dyad a–b, or of the triangle a, b, c's configuration."""
        from multipolar.relations.shifts import dyad_shifts, triangle_shifts

        if c is None:
            a, b = self.check_actors((a, b))
            return dyad_shifts(self.store.con, a, b, settings=self.settings, freq=freq)
        return triangle_shifts(self.store.con, self.triangle(a, b, c, freq=freq), settings=self.settings)

    def report(self, out: str | Path | None = None, *, actors: Sequence[str] = ("USA", "CHN", "RUS"),
               freq: str = "month") -> str | Path:
        """The HTML report over the corpus's own span; written to `out` (its path returned) or returned."""
        from multipolar.report import build_report

        acts = tuple(self.check_actors(actors))
        # the same events as `triangle` (one answer: no publication-window filter of its own)
        html = build_report(self.store, self.settings, actors=acts, freq=freq)
        if out is None:
            return html
        path = Path(out).resolve()
        try:
            path.write_text(html, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--out {out}: cannot write the report ({exc.strerror}); choose another path") from None
        return path

    # -- coding without a store ----------------------------------------------------------------------
    def code_texts(self, records: Iterable[dict[str, Any] | str], *, scheme: str = "cameo", min_probability: float = 0.0,
                   explain: bool = False) -> Iterator[dict[str, Any]]:
        """{"id", "events"} per record ({"id", "text", "date"?} or a plain string), in order; no store.

        `min_probability` leaves out acts between two states below that probability (as relations do with
        `event_min_probability`); `explain` adds the rules behind each event and the dropped candidates."""
        from multipolar.events.api import code_records

        items = ({"id": str(n), "text": r} if isinstance(r, str) else r for n, r in enumerate(records, 1))
        return code_records(items, self.settings, scheme=scheme, min_probability=min_probability, explain=explain)


def _known_actor_codes(project: Project) -> set[str]:
    from multipolar.actors.gazetteer import COLLECTIVE_PREFIXES, Gazetteer

    extra = [part.strip() for part in project.settings.actor_files.split(",") if part.strip()]
    gazetteer = Gazetteer.load(extra_files=extra)
    known = set(gazetteer.countries) | set(gazetteer.organisations) | set(COLLECTIVE_PREFIXES)
    if project._store is not None or Path(project.db).exists():
        known |= queries.actor_prefixes(project.store)
    return known
