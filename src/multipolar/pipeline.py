"""Runs the stages: in a loop, a process pool, or on Ray (imported only when used).

A per-document stage is built by a picklable factory (`StageFactory`): each worker builds its own copy
once (models load in the constructor), then maps batches to results. Results come back in input order,
so a loop, a pool and Ray give the same rows. Only this process writes to the store.
"""

from __future__ import annotations

import gzip
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from multipolar.errors import InputError
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
    factory: StageFactory, batches: Iterable[Sequence[Any]], *, workers: int = 1, backend: str = "auto"
) -> Iterator[list[Any]]:
    """Yield each batch's results, in order, computed in a loop, a process pool or on Ray."""
    if backend == "auto":
        backend = "loop" if workers <= 1 else "pool"
    if backend == "loop":
        stage = None  # built with the first batch: a run with nothing to do loads no models
        for batch in batches:
            stage = stage or factory.build()
            yield stage.process(batch)
    elif backend == "pool":
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(factory,)) as pool:
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
        yield from _run_on_ray(factory, batches, workers=workers)
    else:
        raise ValueError(f"unknown backend {backend!r}")


def _run_on_ray(factory: StageFactory, batches: Iterable[Sequence[Any]], *, workers: int) -> Iterator[list[Any]]:
    import ray  # optional extra: pip install multipolar[ray]

    if not ray.is_initialized():
        ray.init(num_cpus=max(workers, 1), object_store_memory=200 * 1024 * 1024, include_dashboard=False)

    @ray.remote
    class _Worker:
        def __init__(self, f: StageFactory) -> None:
            self.stage = f.build()

        def process(self, batch: Sequence[Any]) -> list[Any]:
            return self.stage.process(batch)

    actors = [_Worker.remote(factory) for _ in range(max(workers, 1))]
    refs = [actors[i % len(actors)].process.remote(batch) for i, batch in enumerate(batches)]
    for ref in refs:
        yield ray.get(ref)


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
        out: list[Document | Rejection] = []
        for raw in batch:
            try:
                out.append(self.cleaner.clean(raw))
            except InputError as exc:
                out.append(Rejection(raw.source_uri, self.name, exc.code, str(exc), doc_id=raw.doc_id))
            except Exception as exc:  # a bug must not lose the document: its raw bytes stay, with this row
                out.append(internal_rejection(raw.source_uri, raw.doc_id, self.name, exc))
        return out


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
) -> IngestSummary:
    """Store every input verbatim and clean it (the analysis stages run after: `analyse.analyse_store`).

    Raw documents are committed batch by batch before they are cleaned; cleaning runs in worker
    processes (settings.workers) while this process reads and stores the next batches.
    """
    counts = {"ingested": 0, "duplicates": 0, "rejected": 0, "flagged": 0, "gdelt_events": 0}
    gdelt_files: list[GdeltFile] = []

    def save(results: list[Document | Rejection]) -> None:
        documents = [r for r in results if isinstance(r, Document)]
        rejections = [r for r in results if isinstance(r, Rejection)]
        unstorable = store.save_clean(documents, stage=CleanStage.name)
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
        store.mark_cleaned([r.doc_id for r in rejections if r.doc_id], stage=f"{CleanStage.name}:rejected")
        counts["ingested"] += len(documents)
        counts["flagged"] += sum(1 for d in documents if d.flags)
        counts["rejected"] += len(rejections)
        if progress:
            progress(len(results))

    def stored_batches() -> Iterator[list[RawDocument]]:
        """Raw batches committed to the store, keeping only documents not stored before."""
        while leftovers := store.uncleaned(limit=settings.batch_size):  # a killed run's unfinished work
            yield leftovers
        pending: list[RawDocument] = []
        for item in read_inputs(inputs, settings):
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
                    yield _fresh(store, pending, counts, progress)
                    pending = []
        if pending:
            yield _fresh(store, pending, counts, progress)

    factory = StageFactory(*CLEAN, settings)
    for results in run_stage(factory, stored_batches(), workers=settings.workers):
        save(results)

    for gdelt in gdelt_files:
        counts["gdelt_events"] += ingest_gdelt(store, gdelt, settings)

    return IngestSummary(**counts)


def _fresh(store: Any, batch: list[RawDocument], counts: dict[str, int], progress: Progress | None) -> list[RawDocument]:
    new_ids = set(store.add_raw(batch))
    fresh: list[RawDocument] = []
    for raw in batch:
        if raw.doc_id in new_ids:
            fresh.append(raw)
            new_ids.discard(raw.doc_id)
    skipped = len(batch) - len(fresh)
    counts["duplicates"] += skipped
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
            try:
                rows.append(parse_gdelt_row(line, where=where).store_row())
            except ParseError as exc:
                store.add_rejections([Rejection(where, "gdelt", exc.code, str(exc))])
            if len(rows) >= settings.batch_size * 8:
                stored += add_external_events(store, rows)
                rows = []
    except (OSError, zipfile.BadZipFile) as exc:
        store.add_rejections([Rejection(str(gdelt.path), "gdelt", "unreadable", f"{gdelt.path}: cannot be read ({exc})")])
    stored += add_external_events(store, rows)
    return stored

