"""Cross-document CPU time of an incremental ingest: +100 documents onto stores of growing size.

    python benchmarks/bench_incremental.py --sizes 4000,16000 [--work DIR]

How the stores are built (the per-document analysis, spaCy, is far too slow to run 64k times here):
1. seed: the newest 400 documents of wh_briefings (../shared/corpora) are ingested and analysed once
   for real (`<work>/seed.duckdb`); the first 300 by date are the base, the last 100 the new ones.
2. a store of N documents holds ceil(N / 300) copies of the analysed base, copied row by row in SQL
   (documents, sentences, mentions, events, claims, stories) with new ids (`#k` appended), every date
   moved back by k × 400 days (so copies never share a story window) and the vowels of every text
   permuted (a different permutation per copy, lengths and offsets unchanged), so that no copy is a
   near duplicate of another; then one full cross-document pass settles it (not timed).
3. measure: on a copy of that store, the 100 new documents' analysed rows are added as a fresh
   analysis leaves them (`save_analyses`; with the story embeddings the per-document stage adds, for a
   code whose stage adds them: their CPU time is printed apart, as per-document work), and
   `cross_document` is timed (process CPU seconds, all threads, and wall seconds).

Run it with PYTHONPATH pointing at another checkout's src (say main's, schema 1) to time that code on the
same stores: a store built by this code is copied and its near-duplicate index and story-vector tables
dropped for an older code, which ignores them anyway (it re-hashes every text).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "wh_briefings.jsonl.gz"
BASE, NEW, SHIFT_DAYS = 300, 100, 400
VOWELS = "aeiou"
STAGES = ("mark_near_duplicates", "score_spun", "assign_stories", "deduplicate_store_events", "regroup_claims")


def _seed(work: Path) -> Path:
    """The analysed seed store (built once)."""
    from multipolar.analyse import analyse_store
    from multipolar.pipeline import ingest
    from multipolar.settings import Settings
    from multipolar.store import Store

    path = work / "seed.duckdb"
    if path.exists():
        return path
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src:
        records = [json.loads(line) for line in src if line.strip()]
    records = sorted((r for r in records if r.get("date")), key=lambda r: (r["date"], r["id"]))[-(BASE + NEW):]
    for part, chunk in (("base", records[:BASE]), ("new", records[BASE:])):
        with open(work / f"{part}.jsonl", "w", encoding="utf-8") as out:
            out.writelines(json.dumps(r) + "\n" for r in chunk)
    tmp = work / "seed.tmp.duckdb"
    tmp.unlink(missing_ok=True)
    settings = Settings()
    with Store.open(tmp) as store:
        ingest(store, [str(work / "base.jsonl")], settings)
        analyse_store(store, settings)
        ingest(store, [str(work / "new.jsonl")], settings)
        analyse_store(store, settings)
    tmp.rename(path)
    return path


def _permutation(k: int) -> str:
    import itertools

    return "".join(list(itertools.permutations(VOWELS))[k % 120])


def _copied(column: str, table: str, k: int, copies: int) -> str:
    """The SQL expression of a column of copy k (module docstring, step 2)."""
    if table == "claims" and column == "group_id":
        return "NULL"
    if column in ("doc_id", "near_duplicate_of", "story_id", "event_id", "canonical_id", "claim_id", "group_id"):
        return f"\"{column}\" || '#{k}'"
    if column in ("published", "date", "first_date", "last_date"):
        return f'CAST("{column}" - INTERVAL {k * SHIFT_DAYS} DAY AS DATE)'
    if column == "text" and table == "documents":
        return f"translate(text, '{VOWELS}', '{_permutation(k)}')"
    if column == "ingested_at":
        return f"ingested_at - INTERVAL {copies - k} HOUR"
    return f'"{column}"'


def _build(work: Path, seed: Path, size: int) -> Path:
    """A store of about `size` documents: copies of the seed's base (module docstring, step 2)."""
    from multipolar.analyse import cross_document
    from multipolar.settings import Settings
    from multipolar.store import Store

    path = work / f"store_{size}.duckdb"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    copies = -(-size // BASE)
    with Store.open(tmp) as store:
        con = store.con
        con.execute(f"ATTACH '{seed}' AS seed (READ_ONLY)")
        new_ids = [r[0] for r in con.execute(
            f"SELECT doc_id FROM seed.documents ORDER BY published DESC, doc_id DESC LIMIT {NEW}").fetchall()]
        con.execute("CREATE TEMP TABLE base_ids AS SELECT doc_id FROM seed.documents "
                    "WHERE doc_id NOT IN (SELECT unnest(?::VARCHAR[]))", [new_ids])
        doc_cols = [r[0] for r in con.execute("DESCRIBE documents").fetchall()]
        for k in range(copies):

            for table, key in (("documents", "doc_id"), ("sentences", "doc_id"), ("mentions", "doc_id"),
                               ("events", "doc_id"), ("claims", "doc_id")):
                cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()] if table != "documents" else doc_cols
                select = ", ".join(_copied(c, table, k, copies) for c in cols)
                names = ", ".join(f'"{c}"' for c in cols)
                con.execute(f"INSERT INTO {table} ({names}) SELECT {select} FROM seed.{table} "
                            f"WHERE {key} IN (SELECT doc_id FROM base_ids)")
            cols = [r[0] for r in con.execute("DESCRIBE stories").fetchall()]
            con.execute(f"INSERT INTO stories SELECT {', '.join(_copied(c, 'stories', k, copies) for c in cols)} FROM seed.stories "
                        "WHERE story_id IN (SELECT story_id FROM seed.documents WHERE doc_id IN (SELECT doc_id FROM base_ids))")
        con.execute("DETACH seed")
        cross_document(store, Settings())
    tmp.rename(path)
    return path


def _measure(work: Path, seed: Path, built: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of `cross_document` after adding the 100 new analysed documents."""
    from multipolar.analyse import STAGE, cross_document
    from multipolar.settings import Settings
    from multipolar.store import Store
    from multipolar.store import analysis as io

    with tempfile.TemporaryDirectory(dir=work) as tmp:
        path = Path(tmp) / "store.duckdb"
        shutil.copy(built, path)
        _match_schema(path)
        seed_copy = Path(tmp) / "seed.duckdb"
        shutil.copy(seed, seed_copy)
        _match_schema(seed_copy)
        with Store.open(seed_copy) as source:
            new_ids = [r[0] for r in source.con.execute(
                f"SELECT doc_id FROM documents ORDER BY published DESC, doc_id DESC LIMIT {NEW}").fetchall()]
            raws, analyses = _new_documents(source, new_ids)
        settings = Settings()
        with Store.open(path) as store:
            store.con.execute(f"ATTACH '{seed}' AS seed (READ_ONLY)")
            cols = [r[0] for r in store.con.execute("DESCRIBE documents").fetchall()]
            keep = {"doc_id", "source_uri", "raw", "raw_format", "fields", "ingested_at", "cleaned_by", "input_id",
                    "title", "author", "outlet", "url", "published", "published_from", "language", "is_english",
                    "encoding", "text", "removed", "boilerplate_removed", "flags", "extra"}
            select = ", ".join(f'"{c}"' if c in keep else "NULL" for c in cols)
            store.con.execute(f"INSERT INTO documents SELECT {select} FROM seed.documents "
                              "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [new_ids])
            store.con.execute("UPDATE documents SET ingested_at = now() WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                              [new_ids])
            store.con.execute("DETACH seed")
            io.save_analyses(store, analyses, stage=STAGE)
            with _stage_times() as stages:
                cpu, wall = time.process_time(), time.perf_counter()
                cross_document(store, settings)
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            print("  CPU-s by stage: " + ", ".join(f"{name} {seconds:.2f}" for name, seconds in stages.items()))
            return cpu, wall
    del raws


@contextlib.contextmanager
def _stage_times() -> Iterator[dict[str, float]]:
    """CPU seconds of each cross-document stage while the block runs (the stages are wrapped)."""
    from multipolar import analyse

    times: dict[str, float] = {}
    saved = {name: getattr(analyse, name) for name in STAGES}

    def timed(name: str, stage: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return stage(*args, **kwargs)
            finally:
                times[name] = times.get(name, 0.0) + time.process_time() - start
        return run

    for name, stage in saved.items():
        setattr(analyse, name, timed(name, stage))
    try:
        yield times
    finally:
        for name, stage in saved.items():
            setattr(analyse, name, stage)


def _match_schema(path: Path) -> None:
    """Make a store built by a newer code openable by the code imported (drop the near-duplicate index)."""
    import duckdb

    from multipolar.store.schema import SCHEMA_VERSION

    con = duckdb.connect(str(path))
    try:
        version = int(con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()[0][0])
        if version > SCHEMA_VERSION:
            for table in ("near_dup_signatures", "near_dup_bands", "near_dup_postings", "story_vectors"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
    finally:
        con.close()


def _new_documents(source, new_ids):  # noqa: ANN001, ANN202
    """The new documents' analyses as the per-document stage returned them (read back from the seed)."""
    from multipolar.records import Analysis, Claim, Mention, Sentence
    from multipolar.store.analysis import read_events
    from multipolar.store.claims import read_all_claims

    con = source.con
    events = read_events(source, where=["origin = 'multipolar'", "doc_id IN (SELECT unnest(?::VARCHAR[]))"],
                         params=[new_ids])
    claims = [c for c in read_all_claims(con) if c.doc_id in set(new_ids)]
    analyses = []
    for doc_id in new_ids:
        sentences = tuple(Sentence(doc_id, i, s, e, "") for i, s, e in con.execute(
            'SELECT idx, start, "end" FROM sentences WHERE doc_id = ? ORDER BY idx', [doc_id]).fetchall())
        mentions = tuple(Mention(doc_id=doc_id, sentence=a, start=b, end=c, text=d, actor_code=e, person=f)
                         for a, b, c, d, e, f in con.execute(
            'SELECT sentence, start, "end", text, actor_code, person FROM mentions WHERE doc_id = ? ORDER BY start',
            [doc_id]).fetchall())
        analyses.append(Analysis(
            doc_id, sentences, mentions,
            tuple(e.__class__(**{**_fields(e), "story_id": None}) for e in events if e.doc_id == doc_id),
            tuple(c for c in claims if c.doc_id == doc_id),
        ))
    assert all(isinstance(c, Claim) for c in claims)
    return None, _with_story_vectors(con, analyses)


def _with_story_vectors(con, analyses):  # noqa: ANN001, ANN202
    """The analyses with the story embeddings the per-document stage adds (a code that has them), and
    what that costs the stage: CPU seconds to load the model (once per worker) and to embed the leads."""
    import dataclasses

    from multipolar.records import Analysis
    from multipolar.settings import Settings

    if "story_vector" not in {f.name for f in dataclasses.fields(Analysis)}:
        return analyses
    from multipolar.embeddings import Embedder
    from multipolar.stories.cluster import embed_leads

    settings = Settings()
    titles = dict(con.execute("SELECT doc_id, title FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                              [[a.doc_id for a in analyses]]).fetchall())
    texts = dict(con.execute("SELECT doc_id, text FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                             [[a.doc_id for a in analyses]]).fetchall())
    start = time.process_time()
    embedder = Embedder(threads=settings.embedding_threads)
    loaded = time.process_time()
    vectors = embed_leads(embedder, [(titles[a.doc_id], texts[a.doc_id]) for a in analyses], settings)
    done = time.process_time()
    print(f"  per-document stage, story vectors of {len(analyses)} docs: embedding {done - loaded:.2f} CPU-s "
          f"(+ model load {loaded - start:.2f} CPU-s once per worker)")
    return [dataclasses.replace(a, story_vector=tuple(v.tolist())) for a, v in zip(analyses, vectors, strict=True)]


def _fields(record):  # noqa: ANN001, ANN202
    import dataclasses

    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="4000,16000", help="store sizes in documents, comma-separated")
    parser.add_argument("--work", default="/tmp/multipolar-bench-incremental", help="folder for the stores")
    args = parser.parse_args()
    import multipolar

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    seed = _seed(work)
    print(f"code: {Path(multipolar.__file__).resolve().parent}")
    for size in (int(s) for s in args.sizes.split(",")):
        started = time.perf_counter()
        built = _build(work, seed, size)
        built_s = time.perf_counter() - started
        cpu, wall = _measure(work, seed, built)
        print(f"store {size:>6} docs (built in {built_s:.0f} s): +{NEW} docs cross-document {cpu:.2f} CPU-s, "
              f"{wall:.2f} s wall", flush=True)


if __name__ == "__main__":
    main()
