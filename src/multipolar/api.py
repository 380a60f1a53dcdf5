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
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from multipolar.errors import NotFoundError, StoreError, UsageError
from multipolar.records import IngestSummary
from multipolar.results import (
    AnalysisSummary,
    DateLike,
    EventQuery,
    Frame,
    Progress,
    Removal,
    as_date,
    frame_of,
)
from multipolar.settings import Settings, load_settings
from multipolar.store import browse, queries

if TYPE_CHECKING:
    from multipolar.reanalyse import ReanalysisSummary, StageState

__all__ = ["AnalysisSummary", "EventQuery", "Frame", "Project", "Removal", "as_date"]


class Project:
    """One store file and the settings to work on it with. Open, use, close (or use `with`)."""

    event_sort_keys = browse.SORT_KEYS  # what `search_events(sort=...)` takes

    def __init__(self, db: str | Path = "multipolar.duckdb", settings: Settings | dict[str, Any] | None = None,
                 *, read_only: bool = False) -> None:
        self.db = str(db)
        if isinstance(settings, dict):
            settings = load_settings({k: str(v) for k, v in settings.items()})
        self.settings = settings or load_settings()
        self.read_only = read_only
        self._store: Any = None
        self._open_lock = threading.Lock()
        self._threads = threading.local()
        self._views: list[Project] = []
        self._known: set[str] | None = None  # actor codes check_actors accepts (loaded once)
        self._cameo_names: dict[str, str] | None = None
        self._coder: Any = None  # the event coder `event_reasons` loads once (shared by the thread views)
        self._coder_lock = threading.Lock()
        self._root: Project | None = None  # the project a thread view was made from
        self._writes = 0  # writes begun through this project
        self._known_at = 0  # the root's `_writes` when this view's `_known` was loaded

    # -- the store ---------------------------------------------------------------------------------
    @property
    def store(self) -> Any:
        if self._store is None:
            from multipolar.store import Store

            with self._open_lock:
                if self._store is None:
                    self._store = Store.open(self.db, read_only=self.read_only,
                                             memory_limit=self.settings.store_memory_limit)
        return self._store

    def for_thread(self) -> Project:
        """This project for the calling thread: the same store through the thread's own cursor, so threads
        (a web server's) can read at once. Made once per thread; `close()` on this project closes them
        all with the store."""
        view = getattr(self._threads, "view", None)
        if view is None:
            view = Project(self.db, self.settings, read_only=self.read_only)
            view._store = self.store.cursor()
            view._known_at = self._writes  # its actor codes load through its own cursor when first asked
            view._cameo_names = self.cameo_names()
            view._root = self
            self._threads.view = view
            with self._open_lock:
                self._views.append(view)
        return view

    def close(self) -> None:
        with self._open_lock:
            views, self._views = self._views, []
        for view in views:
            view.close()
        self._threads = threading.local()
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
        self._known = None  # a write may bring actor codes the check has not seen
        (self._root or self)._writes += 1  # every thread view (for_thread) sees it and reloads its codes
        return self.store

    # -- writing -------------------------------------------------------------------------------------
    def ingest(self, inputs: Sequence[str | Path], *, progress: Progress | None = None) -> IngestSummary:
        """Store the inputs verbatim and clean them (bad ones become rejections); `analyse()` codes them."""
        from multipolar.pipeline import ingest

        return ingest(self._writable(), [str(x) for x in inputs], self.settings, progress=progress)

    def ingest_items(self, items: Iterable[Any], *, progress: Progress | None = None) -> IngestSummary:
        """Store what a reader yielded (`RawDocument`s, `Rejection`s, `GdeltFile`s), as `ingest` does."""
        from multipolar.pipeline import ingest

        return ingest(self._writable(), [], self.settings, progress=progress, items=items)

    def pending(self) -> int:
        """Clean English documents not analysed yet."""
        from multipolar.store.analysis import count_unanalysed

        return count_unanalysed(self.store)

    def analyse(self, *, progress: Progress | None = None, story_vectors: bool | None = None) -> AnalysisSummary:
        """Code events and claims of the documents not analysed yet, then the cross-document stages.
        `story_vectors=False` leaves the story embeddings to the stories stage (setting
        `story_vectors_in_analysis`), so the events are stored sooner; the stories are the same."""
        from multipolar.analyse import analyse_store

        return AnalysisSummary(**analyse_store(self._writable(), self._analysis_settings(story_vectors),
                                               progress=progress))

    def _analysis_settings(self, story_vectors: bool | None) -> Settings:
        if story_vectors is None or story_vectors == self.settings.story_vectors_in_analysis:
            return self.settings
        return replace(self.settings, story_vectors_in_analysis=story_vectors)

    def prepare_analysis(self, *, story_vectors: bool | None = None) -> bool:
        """Load the cleaning and analysis models now, in this thread, when `ingest` and `analyse` (with the
        same `story_vectors`) run in-process (one worker), so a watcher's first round does not wait for
        them; False when a pool or Ray will load its own."""
        from multipolar.analyse import prepare
        from multipolar.pipeline import prepare_clean

        prepare_clean(self.settings)
        return prepare(self._analysis_settings(story_vectors))

    def reanalyse(self, *, stage: str = "all", only_stale: bool = False,
                  progress: Callable[[str, int, int], None] | None = None) -> ReanalysisSummary:
        """Re-derive stored documents' rows of `stage` (all, clean, events, claims) with this code and these
        settings: every document, or with `only_stale` those whose stage version or settings hash differ;
        then the cross-document stages. Raw documents are never touched; a killed run is continued by the
        next call. `progress(stage, done, due)` hears of each batch."""
        from multipolar.reanalyse import reanalyse_store

        return reanalyse_store(self._writable(), self.settings, stage=stage, only_stale=only_stale, progress=progress)

    def stages(self) -> list[StageState]:
        """Each stage's version and settings hash in this code against the stored rows (`StageState`s),
        with how many documents are stale."""
        from multipolar.reanalyse import stage_states

        return stage_states(self.store, self.settings)

    def runs(self, *, limit: int | None = None) -> Frame:
        """The history of runs (ingest, analyse, cross-document, reanalyse), newest first, one row per stage."""
        from multipolar.store.provenance import history

        return frame_of(history(self.store, limit=limit))

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
        return frame_of(queries.documents(
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
        return frame_of(queries.stories(self.store, limit=limit))

    def claims(self, *, conflicts: bool = False, doc: str | None = None) -> Frame:
        from multipolar.store.claims import read_claim_rows

        rows = read_claim_rows(self.store.con, conflicts=conflicts, doc_id=doc)
        columns = tuple(rows[0]) if rows else ("claim_id", "doc_id", "text", "value", "unit", "measure", "subject",
                                                "period", "attribution", "sentence_text", "target", "kind",
                                                "scope", "group_id", "status", "reason")
        return Frame(columns, tuple(tuple(r.get(c) for c in columns) for r in rows))

    def rejections(self, *, limit: int | None = None) -> Frame:
        return frame_of(queries.rejections(self.store, limit=limit))

    def corpus_span(self) -> tuple[date | None, date | None]:
        return queries.corpus_span(self.store)

    def actors(self, *, limit: int = 300) -> list[tuple[str, int]]:
        """(3-letter actor code, number of events) of the stored events, most frequent first."""
        return browse.actor_counts(self.store, limit=limit)

    def data_version(self) -> tuple:
        """Figures that change whenever the store's rows do: a key for caching what was computed from them."""
        return browse.data_version(self.store)

    def cameo_names(self) -> dict[str, str]:
        """CAMEO code -> its name (the bundled ontology)."""
        from multipolar.events.ontology import Ontology

        if self._cameo_names is None:
            ontology = Ontology.load(self.settings.goldstein_variant)
            self._cameo_names = {code: ontology.get(code).name for code in ontology.codes()}
        return self._cameo_names

    def outlets(self) -> list[str]:
        return browse.outlets(self.store)

    def search_events(self, *, actor: str | Sequence[str] = (), code: str | None = None, root: str | None = None,
                      quad: int | None = None, since: DateLike = None, until: DateLike = None,
                      outlet: str | None = None, text: str | None = None, canonical: bool = False,
                      sort: str = "date", descending: bool = True, page: int = 1,
                      per_page: int = 50) -> browse.SearchPage:
        """One page of events with the `events` filters plus outlet and sentence text, sorted by `sort`
        (one of `store.browse.SORT_KEYS`), with the number of matches."""
        query = self.events(actor=actor, code=code, root=root, quad=quad, since=since, until=until,
                            canonical=canonical)
        return browse.search_events(self.store, browse.EventSearch(
            query.filters, outlet=outlet or None, text=(text or "").strip() or None, sort=sort,
            descending=descending, page=page, per_page=per_page))

    def event(self, event_id: str) -> browse.EventDetail:
        """One event with its document, the other reports of the same act and its story."""
        found = browse.event_detail(self.store, event_id)
        if found is None:
            raise NotFoundError(f"event {event_id!r} is not in store {self.db}: see `multipolar events` for the ids")
        return found

    def story(self, story_id: str) -> browse.StoryDetail:
        found = browse.story_detail(self.store, story_id)
        if found is None:
            raise NotFoundError(f"story {story_id!r} is not in store {self.db}: see `multipolar stories` for the ids")
        return found

    # -- relations -----------------------------------------------------------------------------------
    def check_actors(self, codes: Iterable[str]) -> list[str]:
        """The codes, upper-cased; one neither in the gazetteer nor in the stored events is a UsageError
        that suggests the nearest known codes."""
        out = []
        for code in codes:
            norm = code.strip().upper()
            known = self._known_codes()
            if norm not in known and norm[:3] not in known:
                near = difflib.get_close_matches(norm, sorted(known), n=3, cutoff=0.5)
                hint = f"did you mean {', '.join(near)}?" if near else "see `multipolar events` for the codes stored"
                raise UsageError(f"actor code {code!r} is unknown (not in the gazetteer or the stored events): {hint}")
            out.append(norm)
        return out

    def _known_codes(self) -> set[str]:
        if self._root is not None and self._known_at != self._root._writes:  # the root wrote since (a server's watcher)
            self._known, self._known_at = None, self._root._writes
        if self._known is None:
            self._known = _known_actor_codes(self)
        return self._known

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

    def headline(self, tri: Any) -> Any:
        """The latest state of the triangle `tri` the evidence supports, what changed since the one before,
        and the events that drove it (`relations.summary.Headline`)."""
        from multipolar.relations.summary import headline_of

        return headline_of(self.store.con, tri, settings=self.settings)

    def dyad_events(self, a: str, b: str, *, since: DateLike = None, until: DateLike = None, order: str = "impact",
                    limit: int = 20) -> list[Any]:
        """The counted events of the dyad a–b (both directions) between the dates, by w·|Goldstein|
        ("impact") or newest first ("recent"): the events behind a point of its series."""
        from multipolar.store.aggregates import EventFilter, dyad_events

        a, b = self.check_actors((a, b))
        flt = EventFilter.from_settings(self.settings, start=as_date(since, "since"), end=as_date(until, "until"))
        return dyad_events(self.store.con, a, b, flt=flt, order=order, limit=limit)

    def shifts(self, a: str, b: str, c: str | None = None, *, freq: str = "month") -> list[Any]:
        """Change points: of the dyad a–b; or of the triangle a, b, c, its configuration (kind "triangle")
        and its edges' signs (kind "edge"), in period order."""
        from multipolar.relations.shifts import dyad_shifts

        if c is None:
            a, b = self.check_actors((a, b))
            return dyad_shifts(self.store.con, a, b, settings=self.settings, freq=freq)
        return self.triangle_shifts(self.triangle(a, b, c, freq=freq))

    def triangle_json(self, tri: Any) -> dict[str, Any]:
        """The triangle `tri` as `multipolar triangle --format json` and the dashboard's /api/triangle give it:
        its periods, and its shifts with their driving events."""
        return {**tri.to_json(), "shifts": [s.to_json() for s in self.triangle_shifts(tri)]}

    def triangle_shifts(self, tri: Any) -> list[Any]:
        """The shifts of the triangle `tri` (from `triangle(...)`, with its own dates): configuration changes and
        edge sign changes with their driving events (`relations.shifts.triangle_moves`)."""
        from multipolar.relations.shifts import triangle_moves

        return triangle_moves(self.store.con, tri, settings=self.settings)

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

    # -- watching ------------------------------------------------------------------------------------
    def alerts(self, *, limit: int | None = None, since: DateLike | datetime = None) -> Frame:
        """Alerts raised by `multipolar watch` (or a `Watcher`), newest first; `since` a date or datetime
        (UTC) keeps those raised at or after it."""
        from multipolar.store.watch import alerts

        if since is not None and not isinstance(since, datetime):
            day = as_date(since, "since")
            since = datetime(day.year, day.month, day.day) if day else None
        return frame_of(alerts(self.store, limit=limit, since=since))

    def watcher(self, sources: Sequence[str | Path], **options: Any) -> Any:
        """A `multipolar.watch.Watcher` over this project: `poll_once()` for one round, `run(every)`
        until `stop()`. Options as `Watcher` takes them (actors, freq, every, alert_command, …)."""
        from multipolar.watch import Watcher

        return Watcher(self, [str(x) for x in sources], **options)

    def watch_once(self, sources: Sequence[str | Path], **options: Any) -> Any:
        """One poll round over the sources (what `multipolar watch --once` does): a `PollRound`."""
        return self.watcher(sources, **options).poll_once()

    def event_reasons(self, event_id: str) -> dict[str, Any]:
        """The named rules behind an event, from coding its sentence again on its own with `explain` (the
        rules are not stored): {"events": the re-coded events of the same act (source, target, CAMEO), each
        with "explain" and "probability", "dropped": the candidates a rule dropped}. Context from the rest
        of the document (pronouns, dates) is absent, so the re-coded sentence may differ from the stored one.
        The first call loads the language model (seconds); later calls reuse it."""
        from multipolar.events.api import code_records

        e = self.event(event_id).event
        if not e.get("text"):
            raise NotFoundError(f"event {event_id!r} has no stored sentence to code again (origin {e.get('origin')})")
        record = {"id": event_id, "text": e["text"], "date": e["date"].isoformat() if e.get("date") else None}
        root = self._root or self
        with root._coder_lock:  # one coder per project, one sentence at a time
            if root._coder is None:
                from multipolar.events.coder import EventCoder

                root._coder = EventCoder(root.settings)
            out = next(code_records([record], root.settings, coder=root._coder, explain=True))
        same = [x for x in out["events"] if x["cameo"] == e["cameo"]
                and (x["source_actor"] or "")[:3] == (e["source_actor"] or "")[:3]
                and (x["target_actor"] or "")[:3] == (e["target_actor"] or "")[:3]]
        return {"events": same, "others": [x for x in out["events"] if x not in same], "dropped": out.get("dropped", [])}

    # -- coding without a store ----------------------------------------------------------------------
    def code_texts(self, records: Iterable[dict[str, Any] | str], *, scheme: str = "cameo", min_probability: float = 0.0,
                   explain: bool = False, states_only: bool = False) -> Iterator[dict[str, Any]]:
        """{"id", "events"} per record ({"id", "text", "date"?} or a plain string; "published" stands for a
        missing "date"), in order; no store.

        `min_probability` leaves out acts between two states below that probability (as relations do with
        `event_min_probability`); `explain` adds the rules behind each event and the dropped candidates;
        `states_only` keeps only acts between two states (no international body, group or company)."""
        from multipolar.events.api import code_records

        items = ({"id": str(n), "text": r} if isinstance(r, str) else r for n, r in enumerate(records, 1))
        return code_records(items, self.settings, scheme=scheme, min_probability=min_probability, explain=explain,
                            states_only=states_only)


def _known_actor_codes(project: Project) -> set[str]:
    from multipolar.actors.gazetteer import COLLECTIVE_PREFIXES, Gazetteer

    extra = [part.strip() for part in project.settings.actor_files.split(",") if part.strip()]
    gazetteer = Gazetteer.load(extra_files=extra)
    known = set(gazetteer.countries) | set(gazetteer.organisations) | set(COLLECTIVE_PREFIXES)
    if project._store is not None or Path(project.db).exists():
        known |= queries.actor_prefixes(project.store)
    return known
