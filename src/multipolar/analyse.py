"""Analysis after cleaning: per document (nlp, actors, events, claims), then across documents.

`AnalyseStage` is a pure per-document stage (clean text in, records out) that runs the same in a loop,
a process pool or on Ray. `analyse_store` feeds it the store's unprocessed English documents, writes
what it returns, then runs the cross-document stages: near duplicates, spun-text scores, stories, event
de-duplication and claim groups. Each works on what the new rows touch (the stored documents that can
match a new text, the stories active in its window, the event partitions and claim groups new rows
join or leave) and gives what recomputing the whole store would.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from multipolar.records import Analysis, AnalysisInput, Mention, Rejection
from multipolar.settings import Settings
from multipolar.time_limit import TimeLimitExceeded, time_limit

__all__ = ["STAGE", "Analysis", "AnalysisInput", "AnalyseStage", "analyse_store", "cross_document"]

STAGE = "analyse.v1"  # nlp.v1 + events.v1 + claims.v1
WARM_UP_TEXT = ("The president of Russia met the president of China in Moscow on Monday, and trade between "
                "the two countries reached $5 billion last year. Russia and China talked about fishing.")


class AnalyseStage:
    """Sentences, actor mentions, events and numeric claims of one clean document."""

    name = STAGE

    def __init__(self, settings: Settings) -> None:
        from multipolar.events.coder import EventCoder

        self.settings = settings
        self.coder = EventCoder(settings)
        self._embedder: Any = None  # loaded on first use
        if settings.document_time_limit > 0:
            self._warm_up()

    def _warm_up(self) -> None:
        """Load what the coder loads on first use (the act model, the root classifier, the claim words)
        by analysing one invented document, so that no real document's time limit pays for it."""
        item = AnalysisInput("warm-up", "warm-up", WARM_UP_TEXT, None)
        self._analyse(item, self.coder.pipeline.parse_one(item.text))
        if self.settings.event_classifier:
            self.coder.classifier.predict([WARM_UP_TEXT])

    def process(self, batch: Sequence[AnalysisInput]) -> list[Analysis | Rejection]:
        # the batch's last Doc (a long text's: hundreds of MB) is let go before the story embedder runs
        out = self._analyse_batch(batch)
        return self._with_story_vectors(batch, out) if self.settings.story_vectors_in_analysis else out

    def _analyse_batch(self, batch: Sequence[AnalysisInput]) -> list[Analysis | Rejection]:
        from multipolar.pipeline import internal_rejection

        out: list[Analysis | Rejection] = []
        limits = [document_limit(self.settings, len(item.text)) for item in batch]
        for item, limit, doc in zip(batch, limits, self._docs(batch, limits), strict=True):
            try:
                if isinstance(doc, BaseException):
                    raise doc
                with time_limit(limit):
                    out.append(self._analyse(item, doc))
            except TimeLimitExceeded:
                out.append(time_limit_rejection(item, self.name, limit, self.settings.document_time_limit))
            except Exception as exc:  # a bug must not stop the run: the document keeps a rejection row
                out.append(internal_rejection(item.source_uri, item.doc_id, self.name, exc))
        return out

    def _with_story_vectors(self, batch: Sequence[AnalysisInput], out: list[Analysis | Rejection]) -> list[Analysis | Rejection]:
        """Each analysis with its document's story embedding (title and lead), embedded as one batch."""
        from dataclasses import replace

        from multipolar.stories.cluster import embed_leads

        done = [k for k, result in enumerate(out) if isinstance(result, Analysis)]
        if not done:
            return out
        if self._embedder is None:
            from multipolar.embeddings import Embedder

            self._embedder = Embedder(threads=self.settings.embedding_threads if self.settings.workers <= 1 else 1)
        vectors = embed_leads(self._embedder, [(batch[k].title, batch[k].text) for k in done], self.settings)
        for k, vector in zip(done, vectors, strict=True):
            out[k] = replace(out[k], story_vector=tuple(vector.tolist()))
        return out

    def _analyse(self, item: AnalysisInput, doc: Any) -> Analysis:
        from multipolar.actors.issuer import issuer_of
        from multipolar.claims.extract import extract_claims
        from multipolar.nlp.pipeline import sentences as sentences_of

        sentences = sentences_of(doc, doc_id=item.doc_id)
        starts = [s.start for s in sentences]
        matches = self.coder.resolver.resolve(doc, on=item.published)
        mentions = tuple(
            Mention(
                doc_id=item.doc_id,
                sentence=max(0, bisect.bisect_right(starts, m.start_char) - 1),
                start=m.start_char, end=m.end_char, text=m.text,
                actor_code=m.actor_code, person=m.person,
            )
            for m in matches
        )
        # an official statement's government (rule issuer.site): from the document's url, else the web address it
        # was fetched from (never a file path)
        fetched = item.source_uri if item.source_uri.startswith(("http://", "https://")) else None
        issuer = issuer_of(url=item.url or fetched, outlet=item.outlet, text=item.text)
        events = tuple(self.coder.code_doc(doc, doc_id=item.doc_id, published=item.published, matches=matches,
                                           issuer=issuer))
        claims = tuple(
            extract_claims(
                doc_id=item.doc_id, text=item.text,
                sentences=[(s.start, s.end) for s in sentences], published=item.published,
                doc=doc, actors=matches,
            )
        ) + tuple(self._title_claims(item))
        return Analysis(item.doc_id, tuple(sentences), mentions, events, claims)

    def _title_claims(self, item: AnalysisInput) -> list[Any]:
        """Rule `title_claims` (claims/extract.py): the claims of the title, read with its own parse."""
        from multipolar.claims.extract import title_claims
        from multipolar.quantities import find_quantities

        if not item.title or not find_quantities(item.title):
            return []  # no figure in it: not parsed
        title_doc = self.coder.pipeline.parse_one(item.title)
        return title_claims(doc_id=item.doc_id, title=item.title, text=item.text, published=item.published,
                            doc=title_doc, actors=self.coder.resolver.resolve(title_doc, on=item.published))

    def _docs(self, batch: Sequence[AnalysisInput], limits: Sequence[float]) -> Iterator[Any]:
        """Each item's parsed Doc, in order. Parsing goes in batches; after a failure, or a wait for one
        Doc longer than its limit (`limits`, from `document_limit`; a batch's parse is paid while waiting
        for its first Doc), the rest are parsed one by one, each within its limit, and an item that still
        fails (or runs past the limit) gives its exception instead of a Doc."""
        done = 0
        try:
            parsed = self.coder.pipeline.parse((item.text for item in batch), n_process=1)
            while done < len(batch):
                with time_limit(limits[done]):
                    doc = next(parsed)
                done += 1
                yield doc
            return
        except (Exception, TimeLimitExceeded):  # the items left are retried alone below
            pass
        for item, limit in zip(batch[done:], limits[done:], strict=True):
            try:
                with time_limit(limit):
                    doc = self.coder.pipeline.parse_one(item.text)
            except (Exception, TimeLimitExceeded) as exc:
                doc = exc
            yield doc


def document_limit(settings: Settings, chars: int) -> float:
    """Seconds of processor time a document of `chars` characters may take (rule `document_time_limit`):
    the setting, scaled up in proportion to the length beyond `document_time_limit_chars`; 0 = no limit."""
    base = settings.document_time_limit
    if base <= 0:
        return 0.0
    return base * max(1.0, chars / max(settings.document_time_limit_chars, 1))


def time_limit_rejection(item: AnalysisInput, stage: str, limit: float, base: float) -> Rejection:
    scaled = "" if limit == base else f", scaled to {limit:g} s by its length past document_time_limit_chars"
    return Rejection(
        item.source_uri, stage, "time_limit",
        f"{item.source_uri}: its analysis took more than document_time_limit={base:g} s of processor time{scaled} "
        "and was stopped; "
        "the document is kept — raise the limit (--set document_time_limit=SECONDS, 0 = none) and analyse again",
        doc_id=item.doc_id,
    )


class ClaimsStage(AnalyseStage):
    """The numeric claims of stored documents again, for `reanalyse --stage claims`: the parse and actor
    matches their subject, target and scope come from, without coding events. A result is (doc_id,
    claims) or a `Rejection`."""

    name = "claims"

    def process(self, batch: Sequence[AnalysisInput]) -> list[Any]:
        from multipolar.claims.extract import extract_claims

        out: list[Any] = []
        limits = [document_limit(self.settings, len(item.text)) for item in batch]
        for item, doc in zip(batch, self._docs(batch, limits), strict=True):
            try:
                if isinstance(doc, BaseException):
                    raise doc
                claims = extract_claims(
                    doc_id=item.doc_id, text=item.text, sentences=[(s.start_char, s.end_char) for s in doc.sents],
                    published=item.published, doc=doc, actors=self.coder.resolver.resolve(doc, on=item.published),
                ) + self._title_claims(item)
                out.append((item.doc_id, claims))
            except Exception as exc:  # a bug must not stop the run: the document keeps a rejection row
                from multipolar.pipeline import internal_rejection

                out.append(internal_rejection(item.source_uri, item.doc_id, self.name, exc))
        return out


def prepare(settings: Settings) -> bool:
    """Load the analysis models in this thread ahead of the first `analyse_store` (see `pipeline.prepare_stage`)."""
    from multipolar.pipeline import StageFactory, prepare_stage

    return prepare_stage(StageFactory("multipolar.analyse", "AnalyseStage", settings))


def analyse_store(store: Any, settings: Settings, *, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Run the per-document analysis on unprocessed documents, then the cross-document stages."""
    from multipolar.pipeline import StageFactory, run_stage
    from multipolar.provenance import RunLog
    from multipolar.store import analysis as io

    counts = {"analysed": 0, "events": 0, "claims": 0, "rejected": 0}
    log = RunLog(store, command="analyse", scope="new", stages=("events", "claims"), settings=settings)

    def batches() -> Iterator[list[AnalysisInput]]:
        after = None
        while batch := io.unanalysed(store, limit=settings.batch_size, after=after,
                                     max_chars=settings.analysis_batch_chars, time_limit=settings.document_time_limit):
            after = batch[-1].doc_id
            yield batch

    factory = StageFactory("multipolar.analyse", "AnalyseStage", settings)
    for results in run_stage(factory, batches()):
        if not counts["analysed"] and not counts["rejected"]:
            store.set_meta({CROSS_PENDING: "1"})  # before any new analysis is stored: cleared at the end
        analyses = [r for r in results if isinstance(r, Analysis)]
        rejections = [r for r in results if isinstance(r, Rejection)]
        io.save_analyses(store, analyses, stage=STAGE, run=log.id)
        store.add_rejections(rejections)
        timed_out = [r.doc_id for r in rejections if r.doc_id and r.code == "time_limit"]
        io.mark_analysed(store, timed_out, stage=f"{STAGE}{io.TIME_LIMITED}{settings.document_time_limit:g}", run=log.id)
        io.mark_analysed(store, [r.doc_id for r in rejections if r.doc_id and r.code != "time_limit"],
                         stage=f"{STAGE}:rejected", run=log.id)
        counts["analysed"] += len(analyses)
        counts["events"] += sum(len(a.events) for a in analyses)
        counts["claims"] += sum(len(a.claims) for a in analyses)
        counts["rejected"] += len(rejections)
        if progress:
            progress(len(results))
    log.finish()
    if counts["analysed"]:
        from multipolar.store.stories import relabel_inferred_event_dates
        from multipolar.stories.undated import EVENT_PRECISION

        relabel_inferred_event_dates(store.con, EVENT_PRECISION)
    from multipolar.store.queries import count_unscored

    unfinished = store.meta().get(CROSS_PENDING) == "1"  # a run killed during the cross-document stages
    if counts["analysed"] or count_unscored(store) or unfinished:  # nothing new: the cross-document results stand
        run_cross_document(store, settings)
        if date_undated_documents(store):  # analysed again with their inferred dates, then regrouped
            analyse_store(store, settings)
    return counts


def date_undated_documents(store: Any) -> int:
    """Give documents without a publication date an inferred one (`stories.undated`); returns how many."""
    from multipolar.store.stories import set_inferred_published, undated_documents
    from multipolar.stories.undated import infer_published

    rows, reference = undated_documents(store.con)
    inferred = {}
    for doc_id, text, story_dates, ingested in rows:
        found = infer_published(text, story_dates=story_dates, reference=reference, ingested=ingested)
        inferred[doc_id] = (found.published, found.published_from)
    with store.transaction():
        set_inferred_published(store.con, inferred)
    return len(inferred)


def run_cross_document(store: Any, settings: Settings) -> None:
    """`cross_document`, recorded as a run in the store's history."""
    from multipolar.provenance import CROSS_STAGES, RunLog

    log = RunLog(store, command="cross_document", scope="all", stages=CROSS_STAGES, settings=settings)
    run = log.start()  # recorded before it starts: a killed one shows as unfinished
    cross_document(store, settings, run)
    log.finish()


def cross_document(store: Any, settings: Settings, run: int | None = None) -> None:
    """The cross-document stages, over what changed: near duplicates, spun text, stories, event dedup,
    claim groups. Each row a stage writes is stamped with `run` (store.provenance.stamp_cross_run)."""
    mark_near_duplicates(store, settings, run)
    score_spun(store, settings, run)
    assign_stories(store, settings, run)
    deduplicate_store_events(store, settings, run)
    regroup_claims(store, settings, run)
    from multipolar.provenance import STAGE_VERSIONS

    store.set_meta({"settings": settings.as_dict(), "stages": STAGE_VERSIONS, CROSS_PENDING: "0"})


CROSS_PENDING = "cross_document_pending"  # meta key: "1" from the first new analysis until cross_document ends


def mark_near_duplicates(store: Any, settings: Settings, run: int | None = None) -> None:
    """Add the documents not yet in the stored near-duplicate index, in ingestion order, and record the
    pointers that change. Only the new texts are hashed: the stored documents that can match them
    (sharing an LSH band key or a shingle sample) are loaded with their signatures, which gives the
    same pointers as adding every document again in order (`clean.dedup`)."""
    import numpy as np

    from multipolar.clean.dedup import NearDuplicateIndex, StoredEntry
    from multipolar.store import neardup
    from multipolar.store.provenance import stamp_cross_run
    from multipolar.store.stories import set_near_duplicates

    new = neardup.unindexed_texts(store.con)
    if not new:
        return
    index = NearDuplicateIndex(
        settings.near_duplicate_threshold, settings.near_duplicate_num_perm,
        shingle_size=settings.near_duplicate_shingle, containment=settings.near_duplicate_containment,
    )
    signatures = [index.signature(text) for _, text, _ in new]
    keys = [index.band_keys(s.hashvalues) if s.hashed else [] for s in signatures]
    entries, postings = neardup.candidates(
        store.con, [k for ks in keys for k in ks], [int(v) for s in signatures for v in s.samples.tolist()],
        max_postings=index.max_postings,
    )
    index.load([StoredEntry(doc_id, order, published, np.frombuffer(minhash, dtype=np.uint32), n, hashed, original)
                for doc_id, order, published, minhash, n, hashed, original in entries], postings)
    first = neardup.next_order(store.con)
    index.start_at(first)
    found: dict[str, str | None] = {}
    for (doc_id, _, published), signature in zip(new, signatures, strict=True):
        found[doc_id] = index.add_signature(doc_id, signature, published)
    found.update(index.take_repointed())
    current = neardup.pointers(store.con, list(found))
    changed = {doc_id: original for doc_id, original in found.items() if current.get(doc_id) != original}
    rows = [(doc_id, first + i, np.asarray(s.hashvalues, dtype=np.uint32).tobytes(), s.n_samples, s.hashed)
            for i, ((doc_id, _, _), s) in enumerate(zip(new, signatures, strict=True))]
    bands = [(key, doc_id) for (doc_id, _, _), ks in zip(new, keys, strict=True) for key in ks]
    with store.transaction():
        neardup.add_signatures(store.con, rows, bands, index.new_postings)
        set_near_duplicates(store.con, changed)
        stamp_cross_run(store.con, "near_duplicates", [doc_id for doc_id, _, _ in new] + list(changed), run)


def score_spun(store: Any, settings: Settings, run: int | None = None) -> None:
    from multipolar.clean.quality import spun_score
    from multipolar.store.provenance import stamp_cross_run
    from multipolar.store.stories import set_spun, texts_for_spun

    scores = {}
    for doc_id, text, original in texts_for_spun(store.con):
        result = spun_score(text, threshold=settings.spun_threshold, original=original)
        scores[doc_id] = (result.score, result.spun, result.evidence)
    with store.transaction():
        set_spun(store.con, scores)
        stamp_cross_run(store.con, "spun", list(scores), run)


def story_inputs(store: Any, settings: Settings, *, unassigned_only: bool = True) -> list[Any]:
    """What story clustering reads of each (English, cleaned) document not yet in a story: title, lead,
    publication day, actor countries, near-duplicate original, the days its events are dated to and the
    story embedding the per-document stage stored (None where it stored none)."""
    from multipolar.store.stories import story_rows
    from multipolar.stories import StoryInput
    from multipolar.timex import yearless_days

    rows = story_rows(store.con, settings.story_lead_chars, unassigned_only=unassigned_only)
    return [
        StoryInput(
            doc_id, title or "", text or "", published, tuple(sorted(actors or ())),
            near_duplicate_of=dup, event_dates=tuple(event_dates or ()),
            yearless_days=yearless_days(text or "") if published is None and not event_dates else (),
            embedding=tuple(vector) if vector is not None else None,
        )
        for doc_id, title, text, published, dup, actors, event_dates, vector in rows
    ]


def assign_stories(store: Any, settings: Settings, run: int | None = None) -> None:
    """New documents join the stories active in their time window, or open new ones."""
    from multipolar.embeddings import Embedder
    from multipolar.store.provenance import stamp_cross_run
    from multipolar.store.stories import (
        copy_story_ids_to_events,
        load_active_stories,
        record_story_merges,
        save_stories,
        window_start,
    )
    from multipolar.stories import StoryClusterer
    from multipolar.stories.cluster import day_limit

    items = story_inputs(store, settings)
    if not items:
        return
    # the per-document stage stored most documents' embeddings; the model loads only for the rest
    # (stores analysed before it did, documents whose text changed)
    # (and for the stored stories' members, which rule stories.revisit may cluster again)
    dates = [item.published for item in items if item.published]
    since = window_start(min(dates), day_limit(settings)) if dates else None
    active = load_active_stories(store.con, since, lead_chars=settings.story_lead_chars)
    lacking = any(item.embedding is None for item in items) or (
        settings.story_revisit and any(m.embedding is None for _, members in active for m in members))
    clusterer = StoryClusterer(settings, Embedder(threads=settings.embedding_threads) if lacking else None)
    for story, members in active:
        clusterer.add_story(story, members)
    assignments = clusterer.assign(items)
    merges = clusterer.merges()  # rules stories.bridge_merge and stories.revisit: stored stories merged
    touched = {a.story_id for a in assignments} | {m.into_id for m in merges} | clusterer.revised
    changed = list(dict.fromkeys([a.doc_id for a in assignments] + [d for m in merges for d in m.doc_ids]
                                 + sorted(clusterer.moved)))
    with store.transaction():
        record_story_merges(store.con, merges, run)
        save_stories(store.con, clusterer.stories(touched))
        copy_story_ids_to_events(store.con, changed)
        stamp_cross_run(store.con, "stories", changed, run)
        stamp_cross_run(store.con, "story_rows", sorted(touched), run)


def regroup_claims(store: Any, settings: Settings, run: int | None = None) -> None:
    """Group the claims not in a group yet with the stored claims of the groups they join, and regroup
    the groups that lost claims; only those groups are rewritten. Grouping is by key (the quantity: measure, unit,
    subject, target, kind, scope: `claims.group.quantity_key`), so a group holds exactly the claims of its key and regrouping a key's
    claims gives what regrouping every claim would."""
    from multipolar.claims.group import group_claims
    from multipolar.store.claims import (
        read_claims_to_regroup,
        replace_claim_groups,
        stale_claim_groups,
        ungrouped_claims,
    )
    from multipolar.store.provenance import stamp_cross_run

    new = ungrouped_claims(store.con)
    stale = stale_claim_groups(store.con)
    if not new and not stale:
        return
    joined = {g.group_id for g in group_claims(new, tolerance=settings.claim_tolerance)}
    affected = sorted(joined | set(stale))
    claims = read_claims_to_regroup(store.con, affected)
    groups = group_claims(claims, tolerance=settings.claim_tolerance)
    with store.transaction():
        replace_claim_groups(store.con, affected, groups)
        stamp_cross_run(store.con, "claim_groups", [g.group_id for g in groups], run)


def deduplicate_store_events(store: Any, settings: Settings, run: int | None = None) -> None:
    """De-duplicate the events of the partitions that changed: new events (no canonical_id yet) and
    groups that lost members. Rule `same_act` only merges mentions of one dyad and code dated in one
    calendar month (or one year, for year dates), so a partition (`store.analysis.DEDUP_PARTITION`) is
    grouped exactly as de-duplicating every event would group it."""
    from multipolar.events.dedup import deduplicate_events
    from multipolar.store import analysis as io

    events, outlets, stories = io.events_for_dedup(store, changed_only=True)
    if not events:
        return
    canonical = deduplicate_events(events, outlets=outlets, stories=stories)
    io.save_canonical_events(store, canonical, run=run)
