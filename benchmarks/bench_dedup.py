"""Event de-duplication: merge precision and recall on candidate pairs we labelled by hand.

    .venv/bin/python benchmarks/bench_dedup.py [--demo-db PATH] [--wh-db PATH]

Stores: the demo corpus (`multipolar demo`) and 300 White House briefings that mention China or
Russia (../shared/corpora/wh_briefings.jsonl.gz, shorter than 12,000 characters, drawn with seed 12);
each is built on first use at the path given and reused afterwards.

Labels: benchmarks/data/event_dedup_labels.csv, one candidate pair a line (corpus, event_id a,
event_id b, same: 1 when both sentences report one real-world act, else 0); ids only, no text.
Candidates were pairs of dated events with the same source, target and CAMEO root in the same year or
story, drawn half from the pairs the rule merged and half from those it did not, and labelled blind
(the rule's answer hidden). So precision is measured on merged pairs and recall on the labelled same
pairs of this stratified sample, not of all pairs.

Prints, per corpus and pooled: labelled pairs found in the store, precision (merged pairs labelled
same), recall (same pairs merged), and the canonical groups whose members' dates span more than one
month (must be 0).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import tempfile
from collections import defaultdict
from pathlib import Path

from multipolar.analyse import analyse_store
from multipolar.events.dedup import canonical_ids_by_event, deduplicate_events
from multipolar.pipeline import ingest
from multipolar.settings import load_settings
from multipolar.store import Store
from multipolar.store.analysis import events_for_dedup

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "event_dedup_labels.csv"
SHARED = HERE.parent.parent / "shared"
DEMO = HERE.parent / "examples" / "demo"


def _wh_sample(path: Path) -> None:
    rows = [json.loads(line) for line in gzip.open(SHARED / "corpora" / "wh_briefings.jsonl.gz", "rt")]
    cand = [r for r in rows if ("China" in r["text"] or "Russia" in r["text"]) and len(r["text"]) < 12000]
    random.seed(12)
    with path.open("w", encoding="utf-8") as f:
        for r in random.sample(cand, 300):
            f.write(json.dumps({"id": r["id"], "title": r["title"], "url": r["url"], "published": r["date"],
                                "outlet": "whitehouse.gov", "text": r["text"]}) + "\n")


def _build(db: Path, corpus: str) -> None:
    if db.exists():
        return
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [str(DEMO)]
        if corpus == "wh":
            inputs = [str(Path(tmp) / "wh300.jsonl")]
            _wh_sample(Path(inputs[0]))
        with Store.open(db) as store:
            ingest(store, inputs, settings)
            analyse_store(store, settings)


def _measure(db: Path, pairs: list[tuple[str, str, int]]) -> tuple[int, int, int, int, int, int]:
    with Store.open(db, read_only=True) as store:
        events, outlets, stories = events_for_dedup(store)
    canonical = deduplicate_events(events, outlets=outlets, stories=stories)
    group = canonical_ids_by_event(canonical)
    months: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for e in events:
        if e.date is not None:
            months[group[e.event_id]].add((e.date.year, e.date.month))
    mixed = sum(1 for m in months.values() if len(m) > 1)
    found = tp = merged = same = 0
    for a, b, label in pairs:
        if a not in group or b not in group:
            continue
        found += 1
        together = group[a] == group[b]
        merged += together
        same += label
        tp += together and label == 1
    return found, merged, same, tp, mixed, len(canonical)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo-db", type=Path, default=Path(tempfile.gettempdir()) / "bench-dedup-demo.duckdb")
    parser.add_argument("--wh-db", type=Path, default=Path(tempfile.gettempdir()) / "bench-dedup-wh.duckdb")
    args = parser.parse_args()
    labels: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    with LABELS.open(encoding="utf-8") as f:
        for corpus, a, b, same in csv.reader(f):
            labels[corpus].append((a, b, int(same)))
    total = [0, 0, 0, 0]
    for corpus, db in (("demo", args.demo_db), ("wh", args.wh_db)):
        _build(db, corpus)
        found, merged, same, tp, mixed, groups = _measure(db, labels[corpus])
        for k, v in enumerate((found, merged, same, tp)):
            total[k] += v
        print(f"{corpus}: {found}/{len(labels[corpus])} labelled pairs found; merged {merged}, same {same}; "
              f"precision {tp / merged if merged else float('nan'):.3f} recall {tp / same if same else float('nan'):.3f}; "
              f"canonical groups {groups}, mixing months {mixed}")
    found, merged, same, tp = total
    print(f"pooled: {found} pairs; precision {tp / merged:.3f} ({tp}/{merged}) recall {tp / same:.3f} ({tp}/{same})")


if __name__ == "__main__":
    main()
