"""Runs the stages: in a loop, a process pool, or on Ray (imported only when used).

A per-document stage is built by a picklable factory (`StageFactory`): each worker builds its own copy
once (models load in the constructor), then maps batches to results. Results come back in input order,
so a loop, a pool and Ray give the same rows. Only this process writes to the store.
"""

from __future__ import annotations

import gzip
import itertools
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from multipolar.errors import InputError, SettingsError
from multipolar.records import Document, IngestSummary, RawDocument, Rejection
from multipolar.settings import Settings
from multipolar.sources import GdeltFile, is_url, kind_of, read_inputs

T = TypeVar("T")
Progress = Callable[[int], None]


class Stage(Protocol):
    name: str

    def process(self, batch: Sequence[Any]) -> list[Any]:
        """Map a batch to results in order: each an output or a `Rejection`."""


@dataclass(frozen=True)
class StageFactory:
    """Picklable recipe for a stage: `build()` imports and constructs it inside the worker."""

    module: str
    cls: str
    settings: Settings

    def build(self) -> Stage:
        import importlib

        return getattr(importlib.import_module(self.module), self.cls)(self.settings)


# -- runners ----------------------------------------------------------------------------------
_KEPT = threading.local()


def _kept_stage(factory: StageFactory) -> Stage:
    """The stage `factory` builds, kept per thread between runs (a watcher analyses every round; loading the
    models again each time cost seconds). Stages are pure per document, as in a pool worker that serves many
    batches; one is built afresh when the factory's settings or the contents of the files they name change."""
    from multipolar.provenance import stage_settings

    files = repr(stage_settings(factory.settings, "events"))  # with the digests of the actor and lexicon files
    kept: dict[tuple[str, str], tuple[Any, Stage]] = _KEPT.__dict__.setdefault("stages", {})
    key, recipe = (factory.module, factory.cls), (factory, files)
    if key not in kept or kept[key][0] != recipe:
        kept[key] = (recipe, factory.build())
    return kept[key][1]


def prepare_stage(factory: StageFactory) -> bool:
    """Build the stage now, in this thread, when the settings run it in-process (`backend` loop, or auto with
    one worker), so that the first batch does not wait for its models; a pool or Ray builds its own.
    Returns whether a stage was built (or was kept already)."""
    if _resolved_backend(factory.settings.backend, factory.settings.workers) != "loop":
        return False
    _kept_stage(factory)
    return True


def prepare_clean(settings: Settings) -> bool:
    """Build the clean stage now and warm it up (`Cleaner.warm_up`: dateparser's locale tables, the language
    identifier) when cleaning runs in-process, so a watcher's first page does not wait seconds for them."""
    factory = StageFactory(*CLEAN, settings)
    if not prepare_stage(factory):
        return False
    _kept_stage(factory).cleaner.warm_up()  # type: ignore[attr-defined]
    return True


def _resolved_backend(backend: str, workers: int) -> str:
    """`auto` made concrete: a loop for one worker, else a process pool."""
    if backend == "auto":
        return "loop" if workers <= 1 else "pool"
    return backend


_WORKER_STAGE: Stage | None = None


def _init_worker(factory: StageFactory) -> None:
    global _WORKER_STAGE  # one stage per worker process, built once
    _die_with_parent()
    _WORKER_STAGE = factory.build()


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that started it dies (even by SIGKILL), so a
    killed run leaves no workers computing for nobody. Elsewhere a no-op."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # the parent died before the request was made
        os._exit(1)


def _run_in_worker(batch: Sequence[Any]) -> list[Any]:
    assert _WORKER_STAGE is not None
    return _WORKER_STAGE.process(batch)


def run_stage(
    factory: StageFactory, batches: Iterable[Sequence[Any]], *, workers: int | None = None,
    backend: str | None = None, ray_address: str | None = None,
) -> Iterator[list[Any]]:
    """Yield each batch's results, in order, computed in a loop, a process pool or on Ray: by default where
    the factory's settings say (`workers`, `backend`, `ray_address`)."""
    workers = factory.settings.workers if workers is None else workers
    backend = _resolved_backend(factory.settings.backend if backend is None else backend, workers)
    ray_address = factory.settings.ray_address if ray_address is None else ray_address
    if backend == "loop":
        stage: Stage | None = None  # built on the first batch: no work, no models loaded
        for batch in batches:
            stage = stage or _kept_stage(factory)
            yield stage.process(batch)
    elif backend == "pool":
        with ProcessPoolExecutor(max_workers=max(workers, 1), initializer=_init_worker, initargs=(factory,)) as pool:
            # keep a bounded window of batches in flight so memory does not grow with the corpus
            pending: list[Any] = []
            iterator = iter(batches)
            for batch in itertools.islice(iterator, workers * 2):
                pending.append(pool.submit(_run_in_worker, batch))
            while pending:
                result = pending.pop(0).result()
                nxt = next(iterator, None)
                if nxt is not None:
                    pending.append(pool.submit(_run_in_worker, nxt))
                yield result
    elif backend == "ray":
        from multipolar.ray_backend import run_on_ray

        yield from run_on_ray(factory, batches, workers=workers, address=ray_address)
    else:
        raise SettingsError(f"setting backend={backend!r} is not one of auto, loop, pool, ray")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# -- the clean stage as a pipeline stage --------------------------------------------------------
class CleanStage:
    """Wraps the cleaner: raw documents in, `Document`s or `Rejection`s out."""

    name = "clean.v1"

    def __init__(self, settings: Settings) -> None:
        from multipolar.clean.stage import Cleaner

        self.cleaner = Cleaner(settings)

    def process(self, batch: Sequence[RawDocument]) -> list[Document | Rejection]:
        if self.cleaner.needs_warm_up(batch):
            self.cleaner.warm_up()
        out: list[Document | Rejection] = []
        for raw in batch:
            try:
                out.append(self.cleaner.clean(raw))
            except InputError as exc:
                out.append(Rejection(raw.source_uri, self.name, exc.code, str(exc), doc_id=raw.doc_id))
            except Exception as exc:  # a bug must not lose the document: its raw bytes stay, with this row
                out.append(internal_rejection(raw.source_uri, raw.doc_id, self.name, exc))
        return out


def save_cleaned(store: Any, results: Sequence[Document | Rejection], *, run: int | None) -> tuple[list[Document], list[Rejection]]:
    """Store a batch of the clean stage's results, stamped with the run: the documents, and the rejections
    (a document the store refuses becomes one); returns what was stored of each."""
    documents = [r for r in results if isinstance(r, Document)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    unstorable = store.save_clean(documents, stage=CleanStage.name, run=run)
    if unstorable:
        failed = {d.doc_id for d, _ in unstorable}
        documents = [d for d in documents if d.doc_id not in failed]
        rejections += [
            Rejection(
                d.source_uri, CleanStage.name, "unstorable",
                f"{d.source_uri}: the cleaned document cannot be stored ({reason}); its raw bytes are kept — "
                "please report this with the input",
                doc_id=d.doc_id,
            )
            for d, reason in unstorable
        ]
    store.add_rejections(rejections)
    store.mark_cleaned([r.doc_id for r in rejections if r.doc_id], stage=f"{CleanStage.name}:rejected", run=run)
    return documents, rejections


def internal_rejection(source_uri: str, doc_id: str | None, stage: str, exc: Exception) -> Rejection:
    return Rejection(
        source_uri, stage, "internal_error",
        f"{source_uri}: {stage} failed with {type(exc).__name__}: {exc}; the raw document is kept — "
        "please report this with the input",
        doc_id=doc_id,
    )


CLEAN = ("multipolar.pipeline", "CleanStage")


# -- ingest ------------------------------------------------------------------------------------
def estimate_total(inputs: Sequence[str]) -> int | None:
    """A cheap count of the documents the inputs hold, for a progress bar's ETA (None: unknown)."""
    total = 0
    for spec in inputs:
        if is_url(spec):
            total += 1
            continue
        path = Path(spec)
        paths = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for p in paths:
            kind = kind_of(p)
            if kind == "jsonl":
                try:
                    with open(p, "rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            elif kind == "jsonl.gz":
                total += _estimate_gz_lines(p)
            elif kind is not None and kind != "gdelt":
                total += 1
    return total or None


def _estimate_gz_lines(path: Path, sample: int = 1 << 20) -> int:
    """Lines of a gzip file, estimated without decompressing it all (it is decompressed once, when
    read): the lines in its first `sample` bytes, scaled by its size as the gzip trailer states it
    (modulo 4 GiB, so a bigger file is underestimated; the count only drives a progress bar)."""
    try:
        with gzip.open(path, "rb") as handle:
            head = handle.read(sample)
        with open(path, "rb") as raw:
            raw.seek(-4, 2)
            size = int.from_bytes(raw.read(4), "little")
    except (OSError, EOFError, ValueError):
        return 1
    lines = sum(1 for line in head.splitlines() if line.strip())
    if len(head) < sample or not size:
        return max(lines, 1)
    return max(int(lines * size / len(head)), 1)


def ingest(
    store: Any,
    inputs: Sequence[str],
    settings: Settings,
    *,
    progress: Progress | None = None,
    items: Iterable[RawDocument | Rejection | GdeltFile] | None = None,
) -> IngestSummary:
    """Store every input verbatim and clean it (the analysis stages run after: `analyse.analyse_store`).

    `items`, when given, are what a reader already yielded (a watcher's fetched feed): they are
    stored instead of reading `inputs`.

    Raw documents are committed batch by batch before they are cleaned; cleaning runs in worker
    processes (settings.workers) while this process reads and stores the next batches.
    """
    from multipolar.provenance import RunLog

    counts = {"ingested": 0, "duplicates": 0, "rejected": 0, "flagged": 0, "gdelt_events": 0}
    gdelt_files: list[GdeltFile] = []
    left_over: set[str] = set()  # stored raw by a killed run and cleaned by this one: counted as ingested
    log = RunLog(store, command="ingest", scope="new", stages=("clean",), settings=settings)

    def save(results: list[Document | Rejection]) -> None:
        documents, rejections = save_cleaned(store, results, run=log.id if results else None)
        counts["ingested"] += len(documents)
        counts["flagged"] += sum(1 for d in documents if d.flags)
        counts["rejected"] += len(rejections)
        if progress:
            progress(len(results))

    def stored_batches() -> Iterator[list[RawDocument]]:
        """Raw batches committed to the store, keeping only documents not stored before."""
        after = None  # a killed run's unfinished work, paged once: a pool reads batches ahead of saving them
        while leftovers := store.uncleaned(limit=settings.batch_size, after=after):
            after = leftovers[-1].doc_id
            left_over.update(raw.doc_id for raw in leftovers)
            yield leftovers
        pending: list[RawDocument] = []
        for item in (read_inputs(inputs, settings) if items is None else items):
            if isinstance(item, Rejection):
                store.add_rejections([item])
                counts["rejected"] += 1
                if progress:
                    progress(1)
            elif isinstance(item, GdeltFile):
                gdelt_files.append(item)
            else:
                pending.append(item)
                if len(pending) >= settings.batch_size:
                    yield _fresh(store, pending, counts, progress, left_over)
                    pending = []
        if pending:
            yield _fresh(store, pending, counts, progress, left_over)

    factory = StageFactory(*CLEAN, settings)
    for results in run_stage(factory, stored_batches()):
        save(results)
    log.finish()

    for gdelt in gdelt_files:
        counts["gdelt_events"] += ingest_gdelt(store, gdelt, settings)

    return IngestSummary(**counts)


def _fresh(store: Any, batch: list[RawDocument], counts: dict[str, int], progress: Progress | None,
           left_over: set[str]) -> list[RawDocument]:
    new_ids = set(store.add_raw(batch))
    fresh: list[RawDocument] = []
    for raw in batch:
        if raw.doc_id in new_ids:
            fresh.append(raw)
            new_ids.discard(raw.doc_id)
    skipped = len(batch) - len(fresh)
    # a killed run's leftover, cleaned earlier in this run, is counted as ingested, not "already stored" too
    reclaimed = {raw.doc_id for raw in batch} & left_over
    left_over -= reclaimed
    counts["duplicates"] += skipped - len(reclaimed)
    if progress and skipped:
        progress(skipped)
    return fresh


def ingest_gdelt(store: Any, gdelt: GdeltFile, settings: Settings) -> int:
    """GDELT event files carry events, not documents: stored as events with their own provenance
    (origin "gdelt", source URL, NumMentions/NumSources/NumArticles). A bad row becomes a rejection."""
    import zipfile

    from multipolar.errors import ParseError
    from multipolar.interop.gdelt import export_lines, parse_gdelt_row
    from multipolar.store.analysis import add_external_events

    stored = 0
    rows: list[dict[str, Any]] = []
    try:
        for where, line in export_lines(gdelt.path):
            if not line.strip():
                continue
            if gdelt.uri:
                where = gdelt.uri + where[len(str(gdelt.path)):]
            try:
                rows.append(parse_gdelt_row(line, where=where).store_row())
            except ParseError as exc:
                store.add_rejections([Rejection(where, "gdelt", exc.code, str(exc))])
            if len(rows) >= settings.batch_size * 8:
                stored += add_external_events(store, rows)
                rows = []
    except (OSError, zipfile.BadZipFile) as exc:
        uri = gdelt.uri or str(gdelt.path)
        store.add_rejections([Rejection(uri, "gdelt", "unreadable", f"{uri}: cannot be read ({exc})")])
    stored += add_external_events(store, rows)
    return stored

