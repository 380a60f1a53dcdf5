"""Event de-duplication: merge precision and recall on candidate pairs we labelled by hand.

    .venv/bin/python benchmarks/bench_dedup.py [--demo-db PATH] [--wh-db PATH] [--labels CSV]
    .venv/bin/python benchmarks/bench_dedup.py --draw N --draw-out CSV [--seed S]   (new wh candidates)

Stores: the demo corpus (`multipolar demo`) and 300 White House briefings that mention China or
Russia (../shared/corpora/wh_briefings.jsonl.gz, shorter than 12,000 characters, drawn with seed 12);
each is built on first use at the path given and reused afterwards.

Labels: benchmarks/data/event_dedup_labels.csv, one candidate pair a line under a header: the corpus;
for each side (a_, b_) the mention's key, made of what does not change with the coder - doc_id (sha256
of the raw document), the sentence's character span in the cleaned text and the first 12 hex digits of
the sha1 of its text (whitespace collapsed), source and target country codes, CAMEO root, and the
event's date and precision when it was labelled; and same (1 when both sentences report one real-world
act, else 0). No event id (ids change whenever the coder does) and no text.
Each side is found again as the current events of its document with its source, target and root, in
the sentence with its hash (else in one overlapping its span); of several, those with its labelled
date and precision when any has them. A side that still matches several events (one sentence coding
the act twice, e.g. under two codes of one root) counts as merged with the other side when any of its
events shares a group with any of the other's; such pairs are counted in the output. A side that
matches no event (the coder no longer codes that dyad and root there) leaves its pair unscored.

Candidates: pairs of dated events with the same source, target and CAMEO root in the same year or
story, drawn half from the pairs the rule merged and half from those it did not, and labelled blind
(the rule's answer hidden; both sentences read: one act when the same actors do the same thing on the
same date). The first 100 (50 demo, 50 White House) were drawn and labelled at commit 5d38470 and
re-keyed from that commit's stores; 100 more White House pairs were drawn from the wh store of commit
d5dfea7 with `--draw 100 --seed 13` (pairs of sentences not yet labelled). So precision is measured
on merged pairs and recall on the labelled same pairs of this stratified sample, not of all pairs.

Prints, per corpus and pooled: labelled pairs found in the store (with the pairs that have a side
matching several events, and the sides not found: their sentence now coded with another dyad or root,
or not coded at all), precision (merged pairs labelled same), recall (same pairs merged), and the
canonical groups whose members' dates span more than one month (must be 0).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from multipolar.analyse import analyse_store
from multipolar.events.dedup import canonical_ids_by_event, date_interval, deduplicate_events
from multipolar.pipeline import ingest
from multipolar.records import Event
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


class Mention(NamedTuple):
    """One labelled side of a pair, keyed by what does not change with the coder (no event id, no text)."""

    doc_id: str  # sha256 of the document's raw bytes
    start: int  # the sentence's character span in the cleaned text (-1, -1 when it was not found)
    end: int
    sentence_sha1: str  # first 12 hex digits of sha1 of the sentence text, whitespace collapsed
    source: str
    target: str  # "" when the event has no target
    root: str  # CAMEO root
    date: str  # the event's date and precision when labelled ("" when undated)
    precision: str


def sentence_sha1(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def sentence_span(text: str, span: tuple[int, int], doc_text: str) -> tuple[int, int]:
    """Where the sentence holding the event's span lies in the document's cleaned text."""
    at = doc_text.rfind(text, 0, span[0] + len(text))
    if at < 0 or at + len(text) < span[1]:
        return -1, -1
    return at, at + len(text)


def mention_of(event: Event, doc_text: str) -> Mention:
    start, end = sentence_span(event.text, event.span, doc_text)
    return Mention(event.doc_id or "", start, end, sentence_sha1(event.text), event.source, event.target or "",
                   event.root, event.date.isoformat() if event.date else "", event.date_precision or "")


def _mentions(db: Path) -> tuple[list[Event], dict[str, str], dict[str, str | None], dict[str, str | None]]:
    with Store.open(db, read_only=True) as store:
        events, outlets, stories = events_for_dedup(store)
        texts = dict(store.con.execute("SELECT doc_id, coalesce(text, '') FROM documents").fetchall())
    return events, texts, outlets, stories


class Index:
    """The current events of a store, looked up by a labelled side's key (`find`)."""

    def __init__(self, events: list[Event], texts: dict[str, str]) -> None:
        self.by_doc: dict[str, list[tuple[Event, Mention]]] = defaultdict(list)
        for e in events:
            if e.doc_id:
                self.by_doc[e.doc_id].append((e, mention_of(e, texts.get(e.doc_id, ""))))

    def find(self, key: Mention) -> list[Event]:
        """The events of the key's sentence (same text, else an overlapping span) with its source, target
        and root; when several, those with the labelled date and precision if any have it."""
        dyad = [(e, m) for e, m in self.by_doc.get(key.doc_id, [])
                if (m.source, m.target, m.root) == (key.source, key.target, key.root)]
        hits = [(e, m) for e, m in dyad if m.sentence_sha1 == key.sentence_sha1]
        if not hits and key.start >= 0:
            hits = [(e, m) for e, m in dyad if m.start < key.end and key.start < m.end]
        dated = [(e, m) for e, m in hits if (m.date, m.precision) == (key.date, key.precision)]
        return [e for e, _ in (dated or hits)]

    def is_coded(self, key: Mention) -> bool:
        """Whether the key's sentence holds any event now (of another dyad or root, when `find` is empty)."""
        return any(m.sentence_sha1 == key.sentence_sha1 for _, m in self.by_doc.get(key.doc_id, []))


def read_labels(path: Path = LABELS) -> dict[str, list[tuple[Mention, Mention, int]]]:
    labels: dict[str, list[tuple[Mention, Mention, int]]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b = (Mention(*(row[f"{side}_{name}"] for name in Mention._fields)) for side in "ab")
            a, b = (m._replace(start=int(m.start), end=int(m.end)) for m in (a, b))
            labels[row["corpus"]].append((a, b, int(row["same"])))
    return labels


def write_labels(path: Path, rows: list[tuple[str, Mention, Mention, int]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["corpus", *(f"{side}_{name}" for side in "ab" for name in Mention._fields), "same"])
        for corpus, a, b, same in rows:
            out.writerow([corpus, *a, *b, same])


@dataclass
class Score:
    pairs: int = 0
    found: int = 0
    ambiguous: int = 0  # found pairs with a side that matched several events
    recoded: int = 0  # sides not found whose sentence the coder now codes with another dyad or root
    uncoded: int = 0  # sides not found whose sentence holds no event now
    merged: int = 0
    same: int = 0
    tp: int = 0

    def add(self, other: Score) -> None:
        for name in ("pairs", "found", "ambiguous", "recoded", "uncoded", "merged", "same", "tp"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def text(self) -> str:
        p = f"{self.tp / self.merged:.3f}" if self.merged else "nan"
        r = f"{self.tp / self.same:.3f}" if self.same else "nan"
        return (f"{self.found}/{self.pairs} labelled pairs found ({self.ambiguous} with a side matching several "
                f"events; sides lost: {self.recoded} now coded with another dyad or root, {self.uncoded} no longer "
                f"coded); precision {p} ({self.tp}/{self.merged}) recall {r} ({self.tp}/{self.same})")


def _measure(db: Path, pairs: list[tuple[Mention, Mention, int]]) -> tuple[Score, int, int]:
    events, texts, outlets, stories = _mentions(db)
    canonical = deduplicate_events(events, outlets=outlets, stories=stories)
    group = canonical_ids_by_event(canonical)
    months: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for e in events:
        if e.date is not None:
            months[group[e.event_id]].add((e.date.year, e.date.month))
    mixed = sum(1 for m in months.values() if len(m) > 1)
    index = Index(events, texts)
    score = Score(pairs=len(pairs))
    for a, b, label in pairs:
        found_a, found_b = index.find(a), index.find(b)
        if not found_a or not found_b:
            for key, found in ((a, found_a), (b, found_b)):
                if not found:
                    score.recoded += index.is_coded(key)
                    score.uncoded += not index.is_coded(key)
            continue
        score.found += 1
        score.ambiguous += len(found_a) > 1 or len(found_b) > 1
        together = bool({group[e.event_id] for e in found_a} & {group[e.event_id] for e in found_b})
        score.merged += together
        score.same += label
        score.tp += together and label == 1
    return score, mixed, len(canonical)


def draw(db: Path, n: int, seed: int, labelled: list[tuple[Mention, Mention, int]]) -> list[tuple[Mention, Mention, int]]:
    """n candidate pairs not yet labelled, half merged by the rule and half not (module docstring); the
    third field is the rule's answer (1 merged), for the labelling sheet to hide."""
    events, texts, outlets, stories = _mentions(db)
    group = canonical_ids_by_event(deduplicate_events(events, outlets=outlets, stories=stories))
    mention = {e.event_id: mention_of(e, texts.get(e.doc_id or "", "")) for e in events}

    def sentence(m: Mention) -> tuple[str, str]:
        return m.doc_id, m.sentence_sha1

    done = {frozenset((sentence(a), sentence(b))) for a, b, _ in labelled}
    story = {e.event_id: e.story_id or stories.get(e.doc_id or "") for e in events}
    buckets: dict[tuple[str, str | None, str], list[Event]] = defaultdict(list)
    for e in events:
        if date_interval(e) is not None and e.doc_id:
            buckets[(e.source, e.target, e.root)].append(e)
    pools: dict[bool, dict[frozenset, tuple[Mention, Mention, int]]] = {True: {}, False: {}}
    for members in buckets.values():
        members.sort(key=lambda e: e.event_id)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                near = (a.date.year == b.date.year  # type: ignore[union-attr]
                        or (story[a.event_id] is not None and story[a.event_id] == story[b.event_id]))
                ma, mb = mention[a.event_id], mention[b.event_id]
                pair = frozenset((sentence(ma), sentence(mb)))
                if near and len(pair) == 2 and pair not in done:
                    together = group[a.event_id] == group[b.event_id]
                    pools[together].setdefault(pair, (ma, mb, int(together)))
    rng = random.Random(seed)
    out: list[tuple[Mention, Mention, int]] = []
    for together in (True, False):
        pool = sorted(v for k, v in pools[together].items() if not (together is False and k in pools[True]))
        out += rng.sample(pool, min(n // 2, len(pool)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo-db", type=Path, default=Path(tempfile.gettempdir()) / "bench-dedup-demo.duckdb")
    parser.add_argument("--wh-db", type=Path, default=Path(tempfile.gettempdir()) / "bench-dedup-wh.duckdb")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--draw", type=int, metavar="N", help="write N unlabelled wh candidate pairs (keys and "
                        "the rule's answer, no text) to --draw-out instead of scoring")
    parser.add_argument("--draw-out", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    labels = read_labels(args.labels)
    if args.draw:
        _build(args.wh_db, "wh")
        drawn = draw(args.wh_db, args.draw, args.seed, labels["wh"])
        write_labels(args.draw_out, [("wh", a, b, rule) for a, b, rule in drawn])
        print(f"{len(drawn)} pairs written to {args.draw_out} (last column: the rule's answer)")
        return
    total = Score()
    for corpus, db in (("demo", args.demo_db), ("wh", args.wh_db)):
        _build(db, corpus)
        score, mixed, groups = _measure(db, labels[corpus])
        total.add(score)
        print(f"{corpus}: {score.text()}; canonical groups {groups}, mixing months {mixed}")
    print(f"pooled: {total.text()}")


if __name__ == "__main__":
    main()
