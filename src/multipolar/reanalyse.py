"""Re-deriving stored documents after an upgrade or a settings change, and what is stale.

`reanalyse_store` re-runs per-document stages over stored documents (all of them, or only those whose
rows were made by another stage version or other settings: `provenance.py`) and never touches raw
documents. It runs in order: clean (from the raw bytes; a document whose text, date or language changes
loses its analysis, which is then made afresh), events (the full per-document analysis: sentences,
mentions, events, and claims with them), claims (the text parsed again for the claims' roles, no event
coding).
Then documents left unanalysed are analysed and the cross-document stages re-run (the
`cross_document_pending` marker is set before the first write, so a kill anywhere is finished by the
next run).

Resumable: the run is recorded in `stage_runs` before it writes, and every document it re-derives is
stamped with it in the same transaction as its rows. Run again with the same stage, scope and
settings, an unfinished run continues with the documents not stamped yet, and ends as an
uninterrupted run would have. A run with other settings supersedes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from multipolar.analyse import CROSS_PENDING
from multipolar.errors import UsageError
from multipolar.provenance import (
    CROSS_STAGES,
    DOCUMENT_STAGES,
    REANALYSE_CHOICES,
    RunLog,
    fingerprint,
    fingerprints,
    reanalysed_stages,
    written_stages,
)
from multipolar.records import Analysis, Rejection
from multipolar.settings import Settings

StageProgress = Callable[[str, int, int], None]  # stage, documents just done, documents due in the stage


@dataclass(frozen=True)
class StageState:
    """One stage: this code's version and settings hash against what made the stored rows."""

    stage: str
    per_document: bool
    version: str
    settings_hash: str
    stored: tuple[tuple[str | None, str | None, int | None], ...]  # (version, hash, documents); None: unrecorded
    documents: int | None  # documents with rows of the stage (per-document stages)
    stale: int | None  # of them, made by another version or other settings (per-document stages)
    current: bool


@dataclass(frozen=True)
class ReanalysisSummary:
    run_id: int
    resumed: bool
    clean: int = 0
    events: int = 0
    claims: int = 0
    changed: int = 0  # documents whose clean text, date or language changed (analysed afresh)
    rejected: int = 0
    analysed: int = 0  # documents analysed afresh after the passes (new, or changed by cleaning)

    def line(self) -> str:
        done = ", ".join(f"{n} {stage}" for stage, n in (("clean", self.clean), ("events", self.events),
                                                         ("claims", self.claims)))
        text = f"run {self.run_id}{' (resumed)' if self.resumed else ''}: re-derived {done}"
        if self.changed:
            text += f"; {self.changed} changed by cleaning"
        if self.analysed:
            text += f"; {self.analysed} analysed afresh"
        if self.rejected:
            text += f"; {self.rejected} rejected — see `multipolar rejections`"
        return text


def stage_states(store: Any, settings: Settings) -> list[StageState]:
    """Every stage, per document then across documents, compared with what the store holds."""
    from multipolar.store import provenance as prov

    states = []
    for stage in DOCUMENT_STAGES:
        fp = fingerprint(settings, stage)
        stored = tuple(prov.stored_versions(store, stage))
        stale = prov.count_stale(store, stage, fp.version, fp.settings_hash)
        states.append(StageState(stage, True, fp.version, fp.settings_hash, stored,
                                 sum(n for *_, n in stored), stale, stale == 0))
    last = prov.last_finished(store, command="cross_document")
    pending = store.meta().get(CROSS_PENDING) == "1"
    for stage in CROSS_STAGES:
        fp = fingerprint(settings, stage)
        version, digest = last.get(stage, (None, None))
        current = (version, digest) == (fp.version, fp.settings_hash) and not pending
        states.append(StageState(stage, False, fp.version, fp.settings_hash, ((version, digest, None),),
                                 None, None, current))
    return states


def reanalyse_store(store: Any, settings: Settings, *, stage: str = "all", only_stale: bool = False,
                    progress: StageProgress | None = None) -> ReanalysisSummary:
    """Re-derive stored documents for `stage` (all, clean, events or claims), then the cross-document stages."""
    from multipolar.analyse import analyse_store
    from multipolar.store import provenance as prov
    from multipolar.store.stories import copy_story_ids_to_events, relabel_inferred_event_dates

    if stage not in REANALYSE_CHOICES:
        raise UsageError(f"--stage {stage!r}: choose one of {', '.join(REANALYSE_CHOICES)}")
    scope = f"{stage}:{'stale' if only_stale else 'all'}"
    log = RunLog(store, command="reanalyse", scope=scope, stages=written_stages(stage), settings=settings)
    wanted = {s: (p.version, p.settings_hash) for s, p in log.prints.items()}
    found = prov.unfinished_run(store, command="reanalyse", scope=scope)
    resumed = found is not None and found[1] == wanted
    if found is not None and not resumed:
        prov.end_run(store, found[0], documents={}, status="superseded")
    if resumed:
        log = RunLog(store, command="reanalyse", scope=scope, stages=written_stages(stage), settings=settings,
                     run_id=found[0])
    log.start()
    work = _Passes(store, settings, log, only_stale=only_stale, progress=progress)
    for name in reanalysed_stages(stage):
        getattr(work, name)()
    cross_now = {s: (p.version, p.settings_hash) for s, p in fingerprints(settings, CROSS_STAGES).items()}
    if work.wrote or prov.last_finished(store, command="cross_document") != cross_now:
        work.mark_pending()
    from multipolar.stories.undated import EVENT_PRECISION

    with store.transaction():  # re-coded events take their document's story and inferred-date label again
        copy_story_ids_to_events(store.con)  # (every time: an earlier attempt may have been killed before this)
        relabel_inferred_event_dates(store.con, EVENT_PRECISION)
    after = analyse_store(store, settings, progress=(lambda n: progress("analyse", n, 0)) if progress else None)
    log.finish()
    return ReanalysisSummary(log.id, resumed, analysed=after["analysed"], **work.counts)


class _Passes:
    """The per-document passes of one reanalysis run; each writes batch by batch, stamped with the run."""

    def __init__(self, store: Any, settings: Settings, log: RunLog, *, only_stale: bool,
                 progress: StageProgress | None) -> None:
        self.store = store
        self.settings = settings
        self.log = log
        self.only_stale = only_stale
        self.progress = progress
        self.wrote = False
        self.counts = {"clean": 0, "events": 0, "claims": 0, "changed": 0, "rejected": 0}

    def mark_pending(self) -> None:
        if not self.wrote:
            self.store.set_meta({CROSS_PENDING: "1"})  # before the first write; cleared when cross_document ends
            self.wrote = True

    def _due(self, stage: str, *, max_chars: int | None = None) -> Iterator[list[str]]:
        """Batches of the doc_ids still due, in doc_id order (the cursor keeps a pool's read-ahead from
        handing out a batch twice; the stamps let a later run skip what this one did)."""
        from multipolar.store import provenance as prov

        fp = self.log.prints[stage]
        options = {"run_id": self.log.id, "version": fp.version, "settings_hash": fp.settings_hash,
                   "only_stale": self.only_stale}
        total = prov.count_due(self.store, stage, **options)
        if self.progress:
            self.progress(stage, 0, total)
        after = ""
        while ids := prov.due_documents(self.store, stage, after=after, limit=self.settings.batch_size,
                                        max_chars=max_chars, **options):
            after = ids[-1]
            yield ids

    def _done(self, stage: str, n: int) -> None:
        self.counts[stage] += n
        if self.progress:
            self.progress(stage, n, 0)

    def clean(self) -> None:
        from multipolar.pipeline import CLEAN, CleanStage, StageFactory, run_stage, save_cleaned
        from multipolar.records import Document
        from multipolar.store import provenance as prov

        raws = (prov.raw_documents(self.store, ids) for ids in self._due("clean"))
        for results in run_stage(StageFactory(*CLEAN, self.settings), raws):
            self.mark_pending()
            cleaned = {r.doc_id: (r.text, r.published, r.is_english) for r in results if isinstance(r, Document)}
            rejected = [r.doc_id for r in results if isinstance(r, Rejection) and r.doc_id]
            changed = prov.changed_by_cleaning(self.store, cleaned)
            prov.clear_analysis(self.store, [*changed, *rejected])  # before the stamp: a kill leaves it due
            prov.drop_rejections(self.store, [*cleaned, *rejected], stage=CleanStage.name)
            _, rejections = save_cleaned(self.store, results, run=self.log.id)
            self.counts["changed"] += len(changed)
            self.counts["rejected"] += len(rejections)
            self._done("clean", len(results))

    def events(self) -> None:
        from multipolar.analyse import STAGE
        from multipolar.pipeline import StageFactory, run_stage
        from multipolar.store import analysis as io
        from multipolar.store import provenance as prov

        inputs = (prov.analysis_inputs(self.store, ids)
                  for ids in self._due("events", max_chars=self.settings.analysis_batch_chars))
        factory = StageFactory("multipolar.analyse", "AnalyseStage", self.settings)
        for results in run_stage(factory, inputs):
            self.mark_pending()
            analyses = [r for r in results if isinstance(r, Analysis)]
            rejected = [r for r in results if isinstance(r, Rejection)]
            rejected_ids = [r.doc_id for r in rejected if r.doc_id]
            prov.drop_rejections(self.store, [*(a.doc_id for a in analyses), *rejected_ids], stage=STAGE)
            io.save_analyses(self.store, analyses, stage=STAGE, run=self.log.id)
            prov.clear_analysis(self.store, rejected_ids)
            self.store.add_rejections(rejected)
            io.mark_analysed(self.store, rejected_ids, stage=f"{STAGE}:rejected", run=self.log.id)
            self.counts["rejected"] += len(rejected)
            self._done("events", len(results))

    def claims(self) -> None:
        from multipolar.pipeline import StageFactory, run_stage
        from multipolar.store import provenance as prov

        # claims take their subject, target and scope from the parse: the documents are parsed again (no
        # event coding), as a first analysis would
        inputs = (prov.analysis_inputs(self.store, ids)
                  for ids in self._due("claims", max_chars=self.settings.analysis_batch_chars))
        factory = StageFactory("multipolar.analyse", "ClaimsStage", self.settings)
        for results in run_stage(factory, inputs):
            self.mark_pending()
            done = [r for r in results if not isinstance(r, Rejection)]
            rejected = [r for r in results if isinstance(r, Rejection)]
            ids = [doc_id for doc_id, _ in done] + [r.doc_id for r in rejected if r.doc_id]
            prov.drop_rejections(self.store, ids, stage="claims")
            prov.save_claims(self.store, ids, [c for _, claims in done for c in claims], run_id=self.log.id)
            self.store.add_rejections(rejected)
            self.counts["rejected"] += len(rejected)
            self._done("claims", len(results))


__all__ = ["ReanalysisSummary", "StageState", "reanalyse_store", "stage_states"]
