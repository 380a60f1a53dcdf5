"""Stories: B-cubed quality on ECB+ (dev half) and speed on the White House briefings stream.

    .venv/bin/python benchmarks/bench_stories.py quality [--sweep]
    .venv/bin/python benchmarks/bench_stories.py speed [--limit N]
    .venv/bin/python benchmarks/bench_stories.py undated
    .venv/bin/python benchmarks/bench_stories.py incremental [--db FILE] [--batch 50 ...] [--seeds 3]
    .venv/bin/python benchmarks/bench_stories.py spans [--limit N] [--offset K] [--vectors FILE.npy] [--batch N]
        [--config KEY=VALUE,... ...]
    .venv/bin/python benchmarks/bench_stories.py cv [--inputs text|pipeline] [--db FILE] [--folds 5] [--seeds 3]
        [--weights W ...] [--thresholds LOW HIGH] [--windows D ...] [--margins M ...] [--later-days D ...]
        [--window-margins M ...] [--max-spans D ...]

cv: leave-topics-out cross-validation (ECB+ pairs two similar events per topic, so both stay in one
fold). Every configuration of the grid (story_embedding_weight × story_threshold × story_window_days,
and with pipeline inputs story_event_date_margin × story_later_event_days × story_window_margin ×
story_max_span_days) clusters all documents
once; for each fold, the configuration with the best B-cubed F1 on the other folds' topics (averaged
with its threshold neighbours, so a plateau beats a sharp peak) is scored on the fold's topics.
Printed: the shipped defaults' own held-out figure on the same splits (when the grid holds them),
the pooled held-out B-cubed P/R/F1 per split and their mean (the cross-validated figure), the
configuration chosen on all topics (the fitted one, which the defaults follow) and the gap between
the two. `--inputs text` gives the
clusterer title and text only (as `quality` does); `--inputs pipeline` ingests ECB+ dev with
`multipolar ingest` into --db and clusters what the stories stage read when it assigned them (kept
beside --db for reruns): the publication days the cleaner finds in the text, event dates, actor codes.

incremental: ECB+ dev as `cv --inputs pipeline` reads it (the --db store and its story inputs), assigned
to stories in shuffled batches of --batch documents through the stories stage itself (`analyse.assign_stories`:
each batch meets the stored stories loaded from a copy of the store, and what it writes is what the next
batch loads), with the shipped settings; B-cubed P/R/F1 of the stored story ids per seed, and the stored
stories merged (rules stories.bridge_merge and stories.revisit: rows of story_merges).

undated: ECB+ with simulated dates (each story a date, the two stories of a topic 60 days apart,
documents within 0-3 days of their story's date), a share of documents (25%, 50%) stripped of any
date; B-cubed F1 over story_undated_margin (mean of three draws): does an undated document need
more similarity to join a dated story? Run twice: with the dates as drawn, and with every document of
each topic's second event undated (its dated coverage absent, so its reports can only wrongly join the
first event's story or form their own).

spans: the White House briefings (no gold stories: a sanity check) through near duplicates and stories,
--limit briefings in date order from the --offset-th, once per --config (settings overrides, comma-separated;
"default" for the shipped settings): how many stories, how many span more than 30 days of publication,
the longest span, and the longest stories' titles; with --batch N, the briefings arrive in date-ordered
batches of N to one clusterer (stored stories then meet new ones, and rule stories.bridge_merge can merge them). Recurring look-alike releases (daily briefings,
disaster declarations, proclamations) must not join into stories spanning months.

quality: B-cubed precision/recall/F1 of predicted story ids against ECB+ `story_id` (no dates: all
documents fall within the window), the number of predicted clusters that mix the two events of one
ECB+ topic, and the same in incremental mode (the documents in shuffled batches of 50).
--sweep prints F1 over a grid of story_threshold × story_embedding_weight (embeddings computed once).
speed: near duplicates then stories over ../shared/corpora/wh_briefings.jsonl.gz, wall and CPU time,
then the incremental addition of 100 further documents.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import itertools
import json
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

from multipolar.clean.dedup import NearDuplicateIndex
from multipolar.embeddings import Embedder
from multipolar.settings import Settings
from multipolar.stories import StoryClusterer, StoryInput, bcubed
from multipolar.stories.cluster import embed_leads

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ECB = SHARED / "eval" / "stories" / "ecbplus_dev.jsonl"
WH = SHARED / "corpora" / "wh_briefings.jsonl.gz"


class CachedEmbedder:
    """Embeds each distinct text once per run (for sweeps)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.cache: dict[tuple[str, int | None], np.ndarray] = {}

    def embed(self, texts: list[str], batch_size: int = 64, *, max_tokens: int | None = None) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if (t, max_tokens) not in self.cache]
        if missing:
            for text, row in zip(missing, self.embedder.embed(missing, batch_size, max_tokens=max_tokens), strict=False):
                self.cache[(text, max_tokens)] = row
        return np.vstack([self.cache[(t, max_tokens)] for t in texts])


def load_ecb() -> list[dict]:
    if not ECB.is_file():
        sys.exit(f"bench_stories: {ECB} not found; it is part of ../shared (see ../shared/eval/README.md)")
    return [json.loads(line) for line in ECB.open(encoding="utf-8")]


def topic_confusions(predicted: list[str], records: list[dict]) -> int:
    """Predicted clusters holding documents of two different stories of one ECB+ topic."""
    mixed = 0
    clusters: dict[str, list[dict]] = {}
    for story_id, record in zip(predicted, records, strict=False):
        clusters.setdefault(story_id, []).append(record)
    for members in clusters.values():
        per_topic: dict[object, set[str]] = {}
        for record in members:
            per_topic.setdefault(record["topic"], set()).add(record["story_id"])
        if any(len(stories) > 1 for stories in per_topic.values()):
            mixed += 1
    return mixed


def run_ecb(settings: Settings, embedder: object, records: list[dict], *, batch: int | None = None,
            seed: int = 0) -> list[str]:
    clusterer = StoryClusterer(settings, embedder)
    items = [StoryInput(doc_id=r["id"], title=r.get("title"), text=r["text"]) for r in records]
    if batch is None:
        return [a.story_id for a in clusterer.assign(items)]
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    for start in range(0, len(order), batch):
        clusterer.assign([items[i] for i in order[start : start + batch]])
    return [clusterer.story_of(item.doc_id) or "" for item in items]  # after the last batch (stories merge)


def quality(sweep: bool) -> None:
    records = load_ecb()
    gold = [r["story_id"] for r in records]
    settings = Settings()
    embedder = CachedEmbedder(Embedder(threads=settings.embedding_threads))
    started = time.perf_counter()
    predicted = run_ecb(settings, embedder, records)
    seconds = time.perf_counter() - started
    p, r, f = bcubed(predicted, gold)
    print(f"ECB+ dev ({len(records)} docs, {len(set(gold))} stories), story_threshold={settings.story_threshold} "
          f"story_embedding_weight={settings.story_embedding_weight} story_max_tokens={settings.story_max_tokens}")
    print(f"  batch:        B3 P={p:.3f} R={r:.3f} F1={f:.3f}  clusters={len(set(predicted))}  "
          f"topic-mixing clusters={topic_confusions(predicted, records)}  ({seconds:.1f}s incl. embedding)")
    for seed in (0, 1, 2):
        inc = run_ecb(settings, embedder, records, batch=50, seed=seed)
        p, r, f = bcubed(inc, gold)
        print(f"  incremental (batches of 50, shuffle seed {seed}): B3 P={p:.3f} R={r:.3f} F1={f:.3f}  "
              f"clusters={len(set(inc))}  topic-mixing={topic_confusions(inc, records)}")
    if not sweep:
        return
    thresholds = [round(x, 2) for x in np.arange(0.20, 0.52, 0.02)]
    print("sweep: F1 by story_embedding_weight (rows) × story_threshold (columns)")
    print("        " + " ".join(f"{t:5.2f}" for t in thresholds))
    for weight in (0.0, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0):
        row = []
        for threshold in thresholds:
            s = dataclasses.replace(settings, story_threshold=threshold, story_embedding_weight=weight)
            row.append(bcubed(run_ecb(s, embedder, records), gold)[2])
        print(f"  w={weight:.1f}  " + " ".join(f"{x:5.3f}" for x in row))


def speed(limit: int | None) -> None:
    if not WH.is_file():
        sys.exit(f"bench_stories: {WH} not found")
    with gzip.open(WH, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    records.sort(key=lambda r: r["date"])
    if limit:
        records = records[:limit]
    extra, records = records[-100:], records[:-100]
    settings = Settings()
    embedder = Embedder(threads=2)
    wall, cpu = time.perf_counter(), time.process_time()
    index = NearDuplicateIndex(settings.near_duplicate_threshold, settings.near_duplicate_num_perm,
                               shingle_size=settings.near_duplicate_shingle,
                               containment=settings.near_duplicate_containment)
    originals = {}
    for r in records:
        originals[r["id"]] = index.add(r["id"], r["text"], date.fromisoformat(r["date"]))
    dedup_wall, dedup_cpu = time.perf_counter() - wall, time.process_time() - cpu
    clusterer = StoryClusterer(settings, embedder)
    items = [StoryInput(r["id"], r["title"], r["text"], date.fromisoformat(r["date"]),
                        near_duplicate_of=originals[r["id"]]) for r in records]
    assignments = clusterer.assign(items)
    total_wall, total_cpu = time.perf_counter() - wall, time.process_time() - cpu
    sizes = Counter(a.story_id for a in assignments)
    print(f"wh_briefings: {len(records)} docs; near duplicates: {sum(1 for v in originals.values() if v)} "
          f"in {dedup_wall:.1f}s wall / {dedup_cpu:.1f}s CPU")
    print(f"  near duplicates + stories: {total_wall:.1f}s wall / {total_cpu:.1f}s CPU (process, 2 threads); "
          f"{len(sizes)} stories, {sum(1 for n in sizes.values() if n > 1)} with 2+ documents, largest {max(sizes.values())}")
    wall = time.perf_counter()
    new_items = []
    for r in extra:
        original = index.add(r["id"], r["text"], date.fromisoformat(r["date"]))
        new_items.append(StoryInput(r["id"], r["title"], r["text"], date.fromisoformat(r["date"]),
                                    near_duplicate_of=original))
    joined = clusterer.assign(new_items)
    print(f"  incremental: 100 new documents in {time.perf_counter() - wall:.2f}s wall; "
          f"{sum(1 for a in joined if not a.is_new_story)} joined existing stories")


def undated() -> None:
    from datetime import timedelta

    records = load_ecb()
    gold = [r["story_id"] for r in records]
    embedder = CachedEmbedder(Embedder(threads=Settings().embedding_threads))

    def items_for(seed: int, share: float, absent: bool = False) -> list[StoryInput]:
        rnd = random.Random(seed)
        topic_day = {t: date(2020, 1, 1) + timedelta(rnd.randrange(365))
                     for t in sorted({r["topic"] for r in records}, key=str)}
        story_day: dict[str, date] = {}
        for r in records:
            if r["story_id"] not in story_day:
                k = sum(1 for s in story_day if s.split("_")[0] == str(r["topic"]))
                story_day[r["story_id"]] = topic_day[r["topic"]] + timedelta(60 * k)
        out = []
        for r in records:
            day: date | None = story_day[r["story_id"]] + timedelta(rnd.randrange(4))
            second = story_day[r["story_id"]] != topic_day[r["topic"]]
            if rnd.random() < share or (absent and second):
                day = None
            out.append(StoryInput(r["id"], r.get("title"), r["text"], day))
        return out

    # absent: the second event of each topic has no dated report at all (all its documents undated),
    # as when a store holds an undated report of an event whose dated coverage it never received
    for absent in (False, True):
        for share in (0.25, 0.5):
            for margin in (0.0, 0.02, 0.05, 0.08, 0.1, 0.2):
                scores = []
                for seed in range(3):
                    s = dataclasses.replace(Settings(), story_undated_margin=margin)
                    assigned = StoryClusterer(s, embedder).assign(items_for(seed, share, absent))
                    scores.append(bcubed([a.story_id for a in assigned], gold))
                p, r, f = np.mean(scores, axis=0)
                label = "second event undated" if absent else "dates as drawn"
                print(f"{label:20s} undated share {share:.2f}  story_undated_margin={margin:.2f}: "
                      f"B3 P={p:.3f} R={r:.3f} F1={f:.3f}")


def spans(limit: int, offset: int, configs: list[str], vectors: Path | None, batch: int | None = None) -> None:
    if not WH.is_file():
        sys.exit(f"bench_stories: {WH} not found")
    with gzip.open(WH, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    records.sort(key=lambda r: (r["date"], r["id"]))
    records = records[offset : offset + limit]
    base = Settings()
    if vectors is not None and vectors.is_file():  # the story embeddings of an earlier run (same briefings)
        embeddings = np.load(vectors)
    else:
        embeddings = embed_leads(Embedder(threads=base.embedding_threads),
                                 [(r["title"], r["text"]) for r in records], base)
        if vectors is not None:
            np.save(vectors, embeddings)
    index = NearDuplicateIndex(base.near_duplicate_threshold, base.near_duplicate_num_perm,
                               shingle_size=base.near_duplicate_shingle, containment=base.near_duplicate_containment)
    items = [StoryInput(r["id"], r["title"], r["text"], date.fromisoformat(r["date"]),
                        near_duplicate_of=index.add(r["id"], r["text"], date.fromisoformat(r["date"])),
                        embedding=tuple(row))
             for r, row in zip(records, embeddings, strict=True)]
    print(f"wh_briefings: {len(items)} briefings, {records[0]['date']} to {records[-1]['date']}")
    for config in configs:
        overrides = dict(pair.split("=", 1) for pair in config.split(",")) if config != "default" else {}
        settings = base.with_overrides(overrides)
        clusterer = StoryClusterer(settings, None)
        step = batch or len(items)  # --batch: date-ordered batches to one clusterer, as polls arrive
        for start in range(0, len(items), step):
            clusterer.assign(items[start : start + step])
        members: dict[str, list[int]] = {}
        for k, item in enumerate(items):
            members.setdefault(clusterer.story_of(item.doc_id) or "", []).append(k)

        def span(rows: list[int]) -> int:
            days = [items[k].published for k in rows]
            return (max(days) - min(days)).days

        spans_ = sorted(((span(rows), story_id) for story_id, rows in members.items()), reverse=True)
        over = sum(1 for days, _ in spans_ if days > 30)
        print(f"  {config}: {len(members)} stories, {sum(1 for r in members.values() if len(r) > 1)} with 2+ "
              f"documents; spanning > 30 days: {over}; > 7 days: {sum(1 for d, _ in spans_ if d > 7)}; "
              f"longest {spans_[0][0]} days")
        for days, story_id in spans_[:5]:
            rows = members[story_id]
            titles = Counter(items[k].title[:60] for k in rows).most_common(2)
            print(f"      {days:4d} days, {len(rows):3d} docs: {titles}")


# --- cross-validation over topics -----------------------------------------------------------------
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.18, 0.47, 0.02))
WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.5)
MARGINS = (0.0, 0.05, 0.1, 0.2, float("inf"))  # story_event_date_margin (pipeline inputs only)


def topic_folds(records: list[dict], folds: int, seed: int) -> list[set]:
    """Topics split into `folds` groups at random (seeded): both events of a topic fall in one fold."""
    topics = sorted({r["topic"] for r in records}, key=str)
    random.Random(seed).shuffle(topics)
    return [set(topics[k::folds]) for k in range(folds)]


def pipeline_items(records: list[dict], db: Path) -> list[StoryInput]:
    """ECB+ dev through `multipolar ingest` (clean, nlp, actors, events: publication days found in the
    text, event dates, actor codes) into the store `db`, and what the stories stage read of it when it
    assigned the documents (kept beside the store, `db`.story_inputs.pickle, for later runs); returned in
    the order of `records`. Read when assigned, not from the store afterwards: a document without a
    publication day is then given one (its story's, its text's, the ingest day) and analysed again with
    it as the anchor of its relative dates, which clustering never sees."""
    import pickle
    import subprocess

    from multipolar import analyse
    from multipolar.store import Store

    cache = db.with_suffix(".story_inputs.pickle")
    if not cache.exists():
        if db.exists():
            sys.exit(f"bench_stories: {db} exists without {cache.name}: delete it and rerun")
        subprocess.run([sys.executable, "-m", "multipolar", "ingest", str(ECB), "--db", str(db), "--quiet",
                        "--clean-only"], check=True)
        seen: list[StoryInput] = []
        read = analyse.story_inputs

        def first_read(store: object, settings: Settings, **options: object) -> list[StoryInput]:
            items = read(store, settings, **options)
            if not seen:
                seen.extend(items)
            return items

        analyse.story_inputs = first_read  # the stories stage looks it up in its module when it runs
        try:
            with Store.open(db) as store:
                analyse.analyse_store(store, Settings())
                _, rows = store.query("SELECT doc_id, raw FROM documents")
        finally:
            analyse.story_inputs = read
        ecb_id = {doc_id: json.loads(bytes(raw))["id"] for doc_id, raw in rows}
        cache.write_bytes(pickle.dumps([dataclasses.replace(item, doc_id=ecb_id[item.doc_id]) for item in seen]))
    items = {item.doc_id: item for item in pickle.loads(cache.read_bytes())}  # noqa: S301 - our own file
    missing = [r["id"] for r in records if r["id"] not in items]
    if missing:
        sys.exit(f"bench_stories: {len(missing)} ECB+ documents are not in {cache} (e.g. {missing[0]}); delete it "
                 f"and {db}, and rerun")
    return [items[r["id"]] for r in records]


def incremental(settings: Settings, embedder: object, items: list[StoryInput], *, batch: int, seed: int) -> list[str]:
    """Story ids when `items` arrive in shuffled batches of `batch` to one clusterer (in their order)."""
    clusterer = StoryClusterer(settings, embedder)
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    for start in range(0, len(order), batch):
        clusterer.assign([items[i] for i in order[start : start + batch]])
    return [clusterer.story_of(item.doc_id) or "" for item in items]


def incremental_store(db: Path, batches: list[int], seeds: int) -> None:
    """ECB+ dev assigned batch by batch through `analyse.assign_stories` on a copy of the store `db`."""
    import shutil
    import tempfile

    from multipolar import analyse
    from multipolar.store import Store

    records = load_ecb()
    items = pipeline_items(records, db)
    gold = {r["id"]: r["story_id"] for r in records}
    settings = Settings()
    print(f"ECB+ dev ({len(records)} docs) through the stories stage in shuffled batches; story_threshold="
          f"{settings.story_threshold} story_embedding_weight={settings.story_embedding_weight}")
    read = analyse.story_inputs
    with tempfile.TemporaryDirectory() as tmp:
        for batch in batches:
            scores = []
            for seed in range(seeds):
                copy = Path(tmp) / f"b{batch}s{seed}.duckdb"
                shutil.copyfile(db, copy)
                with Store.open(copy) as store:
                    _, rows = store.query("SELECT doc_id, raw FROM documents")
                    store_id = {json.loads(bytes(raw))["id"]: doc_id for doc_id, raw in rows}
                    store.con.execute("UPDATE documents SET story_id = NULL")
                    store.con.execute("UPDATE events SET story_id = NULL")
                    store.con.execute("DELETE FROM stories")
                    _, tables = store.query("SELECT table_name FROM information_schema.tables")
                    merges = ("story_merges",) in tables  # (absent before rule stories.bridge_merge)
                    if merges:
                        store.con.execute("DELETE FROM story_merges")
                    order = list(range(len(items)))
                    random.Random(seed).shuffle(order)
                    try:
                        for start in range(0, len(order), batch):
                            chunk = [dataclasses.replace(items[i], doc_id=store_id[items[i].doc_id])
                                     for i in order[start : start + batch]]
                            analyse.story_inputs = lambda *_, chunk=chunk, **__: chunk
                            analyse.assign_stories(store, settings)
                    finally:
                        analyse.story_inputs = read
                    _, assigned = store.query("SELECT doc_id, story_id FROM documents")
                    merged = store.query("SELECT count(*) FROM story_merges")[1] if merges else [(None,)]
                story_of = dict(assigned)
                predicted = [story_of[store_id[r["id"]]] for r in records]
                p, r, f = bcubed(predicted, [gold[r["id"]] for r in records])
                scores.append((p, r, f))
                print(f"  batches of {batch}, seed {seed}: B3 P={p:.3f} R={r:.3f} F1={f:.3f}  "
                      f"stories={len(set(predicted))}  merged (story_merges: stories.bridge_merge, stories.revisit)={merged[0][0]}")
            p, r, f = np.mean(scores, axis=0)
            print(f"batches of {batch}: mean of {seeds} seeds B3 P={p:.3f} R={r:.3f} F1={f:.3f} "
                  f"(F1 {min(s[2] for s in scores):.3f}-{max(s[2] for s in scores):.3f})")


def text_items(records: list[dict]) -> list[StoryInput]:
    return [StoryInput(doc_id=r["id"], title=r.get("title"), text=r["text"]) for r in records]


def cluster_all(settings: Settings, embedder: object, items: list[StoryInput]) -> list[str]:
    return [a.story_id for a in StoryClusterer(settings, embedder).assign(items)]


def smoothed(scores: dict[tuple, float], config: tuple) -> float:
    """A configuration's score averaged with its neighbours on the threshold grid: a choice on a
    plateau beats a sharp peak."""
    weight, threshold = config[0], config[1]
    k = THRESHOLDS.index(threshold)
    near = [scores[(weight, t, *config[2:])] for t in THRESHOLDS[max(0, k - 1) : k + 2]
            if (weight, t, *config[2:]) in scores]
    return sum(near) / len(near)


def crossvalidate(records: list[dict], predictions: dict[tuple, list[str]], *, folds: int, seeds: int,
                  label: str) -> tuple[float, tuple]:
    """Leave-topics-out: for each fold, the configuration with the best (smoothed) B-cubed F1 on the
    other folds' topics is scored on the fold's topics; prints the pooled figures, returns the mean F1
    and the configuration chosen on all topics (the fitted one)."""
    gold = [r["story_id"] for r in records]

    def f1_on(pred: list[str], rows: list[int]) -> float:
        return bcubed([pred[i] for i in rows], [gold[i] for i in rows])[2]

    everything = list(range(len(records)))
    overall = {c: f1_on(p, everything) for c, p in predictions.items()}
    fitted = max(predictions, key=lambda c: (smoothed(overall, c), overall[c]))
    results = []
    for seed in range(seeds):
        held_out: list[str | None] = [None] * len(records)
        chosen = Counter()
        for k, test_topics in enumerate(topic_folds(records, folds, seed)):
            train = [i for i, r in enumerate(records) if r["topic"] not in test_topics]
            scores = {c: f1_on(p, train) for c, p in predictions.items()}
            best = max(predictions, key=lambda c: (smoothed(scores, c), scores[c]))
            chosen[best] += 1
            for i, r in enumerate(records):
                if r["topic"] in test_topics:
                    held_out[i] = f"{k}:{predictions[best][i]}"
        p, r, f = bcubed(held_out, gold)
        results.append((p, r, f))
        picks = ", ".join(f"{_config(c)} ×{n}" for c, n in chosen.most_common())
        print(f"  {label} CV seed {seed}: B3 P={p:.3f} R={r:.3f} F1={f:.3f}   chosen: {picks}")
    p, r, f = np.mean(results, axis=0)
    fp, fr, ff = bcubed(predictions[fitted], gold)
    print(f"{label}: cross-validated B3 P={p:.3f} R={r:.3f} F1={f:.3f} ({folds} folds by topic, mean of {seeds} "
          f"splits); fitted {_config(fitted)} F1={ff:.3f} (P={fp:.3f} R={fr:.3f}); gap fitted - CV {ff - f:+.3f}")
    return float(f), fitted


def _config(config: tuple) -> str:
    names = ("w", "t", "window", "event_margin", "later_days", "window_margin", "max_span")
    return " ".join(f"{n}={v}" for n, v in zip(names, config, strict=False))


def held_out(records: list[dict], predicted: list[str], *, folds: int, seeds: int) -> tuple[float, float, float]:
    """One fixed configuration scored as the cross-validation scores a chosen one: each fold's topics
    apart (clusters split at fold borders), pooled, mean over the splits."""
    gold = [r["story_id"] for r in records]
    results = []
    for seed in range(seeds):
        fold_of = {t: k for k, topics in enumerate(topic_folds(records, folds, seed)) for t in topics}
        results.append(bcubed([f"{fold_of[r['topic']]}:{p}" for r, p in zip(records, predicted, strict=True)], gold))
    p, r, f = np.mean(results, axis=0)
    return float(p), float(r), float(f)


def cv(inputs: str, db: Path, folds: int, seeds: int, windows: list[int], weights: tuple = WEIGHTS,
       margin_grid: tuple = MARGINS, later_grid: tuple = (), window_margin_grid: tuple = (),
       max_span_grid: tuple = ()) -> None:
    records = load_ecb()
    base = Settings()
    embedder = CachedEmbedder(Embedder(threads=base.embedding_threads))
    items = text_items(records) if inputs == "text" else pipeline_items(records, db)
    dated = sum(1 for item in items if item.published or item.event_dates or item.yearless_days)
    print(f"ECB+ dev ({len(records)} docs, {len({r['topic'] for r in records})} topics); inputs: {inputs} "
          f"({dated} documents with a publication day, event dates or days of the year)")
    predictions = {}
    margins = margin_grid if inputs == "pipeline" else (base.story_event_date_margin,)
    laters = (later_grid or (base.story_later_event_days,)) if inputs == "pipeline" else (base.story_later_event_days,)
    window_margins = ((window_margin_grid or (base.story_window_margin,)) if inputs == "pipeline"
                      else (base.story_window_margin,))
    max_spans = (max_span_grid or (base.story_max_span_days,)) if inputs == "pipeline" else (base.story_max_span_days,)
    started = time.perf_counter()
    for window, margin, later, window_margin, max_span, weight, threshold in itertools.product(
            windows, margins, laters, window_margins, max_spans, weights, THRESHOLDS):
        if later != laters[0] and margin == 0.0:  # no margin: the later-event days change nothing
            continue
        s = dataclasses.replace(base, story_threshold=threshold, story_embedding_weight=weight,
                                story_window_days=window, story_event_date_margin=margin,
                                story_later_event_days=later, story_window_margin=window_margin,
                                story_max_span_days=max_span)
        predictions[(weight, threshold, window, margin, later, window_margin, max_span)] = cluster_all(s, embedder, items)
    print(f"  {len(predictions)} configurations clustered in {time.perf_counter() - started:.0f}s")
    default = (base.story_embedding_weight, base.story_threshold, base.story_window_days,
               base.story_event_date_margin, base.story_later_event_days, base.story_window_margin,
               base.story_max_span_days)
    if default not in predictions:  # the shipped defaults are always scored, in or out of the grid
        predictions_default = cluster_all(base, embedder, items)
    else:
        predictions_default = predictions[default]
    p, r, f = bcubed(predictions_default, [r["story_id"] for r in records])
    print(f"  shipped defaults {_config(default)}: on all topics B3 P={p:.3f} R={r:.3f} F1={f:.3f}")
    p, r, f = held_out(records, predictions_default, folds=folds, seeds=seeds)
    print(f"  shipped defaults, held-out folds as cross-validation scores them: B3 P={p:.3f} R={r:.3f} F1={f:.3f}")
    for seed in range(3):  # the same inputs assigned incrementally, as the stage assigns them poll by poll
        story_of = incremental(base, embedder, items, batch=50, seed=seed)
        p, r, f = bcubed(story_of, [r["story_id"] for r in records])
        print(f"  shipped defaults, incremental (shuffled batches of 50, seed {seed}): B3 P={p:.3f} R={r:.3f} F1={f:.3f}")
    crossvalidate(records, predictions, folds=folds, seeds=seeds, label=inputs)
    if len(window_margins) > 1:  # the same cross-validation with the grid held to one window margin
        for window_margin in window_margins:
            subset = {c: p for c, p in predictions.items() if c[5] == window_margin}
            crossvalidate(records, subset, folds=folds, seeds=seeds, label=f"{inputs}, window_margin={window_margin}")
    if len(max_spans) > 1:  # and held to one span cap, and to both
        for max_span in max_spans:
            subset = {c: p for c, p in predictions.items() if c[6] == max_span}
            crossvalidate(records, subset, folds=folds, seeds=seeds, label=f"{inputs}, max_span={max_span}")
            for window_margin in window_margins if len(window_margins) > 1 else ():
                subset = {c: p for c, p in predictions.items() if c[6] == max_span and c[5] == window_margin}
                crossvalidate(records, subset, folds=folds, seeds=seeds,
                              label=f"{inputs}, max_span={max_span}, window_margin={window_margin}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["quality", "speed", "undated", "cv", "spans", "incremental"])
    parser.add_argument("--inputs", choices=["text", "pipeline"], default="text",
                        help="cv: title and text only, or what the pipeline gives (dates, actors)")
    parser.add_argument("--db", type=Path, default=Path("ecbplus_dev.duckdb"),
                        help="cv --inputs pipeline: the store ECB+ dev is ingested into (kept)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--windows", type=int, nargs="+", default=[Settings().story_window_days])
    parser.add_argument("--margins", type=float, nargs="+", help="cv --inputs pipeline: story_event_date_margin grid")
    parser.add_argument("--later-days", type=int, nargs="+",
                        help="cv --inputs pipeline: story_later_event_days grid (default: the setting's value)")
    parser.add_argument("--window-margins", type=float, nargs="+",
                        help="cv --inputs pipeline: story_window_margin grid (default: the setting's value)")
    parser.add_argument("--max-spans", type=int, nargs="+",
                        help="cv --inputs pipeline: story_max_span_days grid (0 = no cap; default: the setting's value)")
    parser.add_argument("--weights", type=float, nargs="+", default=list(WEIGHTS), help="cv: story_embedding_weight grid")
    parser.add_argument("--thresholds", type=float, nargs=2, metavar=("LOW", "HIGH"),
                        help="cv: story_threshold grid from LOW to HIGH in steps of 0.02")
    parser.add_argument("--batch", type=int, nargs="+",
                        help="incremental: documents per batch (default 50); spans: one batch size (default: all at once)")
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--vectors", type=Path, help="spans: .npy file of the briefings' story embeddings (made "
                        "when missing, read when present)")
    parser.add_argument("--offset", type=int, default=0, help="spans: the first briefing (in date order) taken")
    parser.add_argument("--config", nargs="+", default=["default"],
                        help="spans: settings overrides KEY=VALUE,KEY=VALUE (one clustering each); default: the shipped")
    args = parser.parse_args()
    if args.what == "quality":
        quality(args.sweep)
    elif args.what == "cv":
        global THRESHOLDS
        if args.thresholds:
            low, high = args.thresholds
            THRESHOLDS = tuple(t for t in THRESHOLDS if low - 1e-9 <= t <= high + 1e-9)
        cv(args.inputs, args.db, args.folds, args.seeds, args.windows, tuple(args.weights),
           tuple(args.margins) if args.margins else MARGINS, tuple(args.later_days or ()),
           tuple(args.window_margins or ()), tuple(args.max_spans or ()))
    elif args.what == "incremental":
        incremental_store(args.db, args.batch or [50], args.seeds)
    elif args.what == "spans":
        spans(args.limit or 3000, args.offset, args.config, args.vectors, args.batch[0] if args.batch else None)
    elif args.what == "undated":
        undated()
    else:
        speed(args.limit)


if __name__ == "__main__":
    main()
