"""Quality and speed of the events stage (events.v1), printed as figures.

    .venv/bin/python benchmarks/bench_events.py [--docs 2000] [--no-classifier] [--skip-speed] [--set KEY=VALUE]

Quality: `multipolar code` output (code_records; `--scheme plover` for the PLOVER gold, whose convention
gives a reciprocal act's parties no recipient, and `cameo` for PETRARCH2) on the gold sets in
../shared/eval/events, scored by ../shared/tools/score_events.py; pentaclass accuracy of each sentence's
main event on the ConfliBERT sentences. Speed: docs/s and tokens/s of the whole stage against bare
`nlp.pipe` on the first N White House briefings, and peak memory (ru_maxrss).
The gold files are only read for measuring.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval" / "events"
SCORER = SHARED / "tools" / "score_events.py"

# Phoenix pentaclass of a CAMEO root (ConfliBERT's labels): 0 = 01–02, 1 = 03–05, 2 = 06–08,
# 3 = 09–13 and 16, 4 = 14–15 and 17–20
PENTA = {f"{r:02d}": (0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 or r == 16 else 4)
         for r in range(1, 21)}


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(gold: Path, system: Path, scheme: str) -> dict:
    out = subprocess.run([sys.executable, str(SCORER), str(gold), str(system), "--scheme", scheme, "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def iso_or_none(value: object) -> str | None:
    """The gold files' dates as YYYY-MM-DD, or None where a file uses another form (PETRARCH2's YYMMDD)."""
    from datetime import date

    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return None


def run_gold(coder, gold: Path, scheme: str, workdir: Path) -> dict:
    from multipolar.events.api import code_records

    records = [{"id": r["id"], "text": r["text"], "date": iso_or_none(r.get("date"))} for r in read_jsonl(gold)]
    system = workdir / f"{gold.stem}.system.jsonl"
    with open(system, "w", encoding="utf-8") as f:
        for out in code_records(records, coder=coder, scheme=scheme):
            f.write(json.dumps(out) + "\n")
    return score(gold, system, scheme)


def pentaclass(coder) -> tuple[float, int, dict]:
    from multipolar.events.triggers import main_root

    rows = read_jsonl(EVAL / "conflibert_pentaclass_train.jsonl")
    texts = [r["text"] for r in rows]
    gold = [int(r["events"][0]["code"]) for r in rows]
    roots: list[str | None] = []
    for doc in coder.pipeline.parse(texts):
        root = None
        for sent in doc.sents:
            root = main_root(coder.triggers(sent))
            if root is not None:
                break
        roots.append(root)
    missing = [i for i, r in enumerate(roots) if r is None]
    if missing:
        predictions = coder.classifier.predict([texts[i] for i in missing])
        for i, (label, _) in zip(missing, predictions, strict=True):
            roots[i] = label
    pred = [PENTA[r] for r in roots]
    correct = sum(p == g for p, g in zip(pred, gold, strict=True))
    by_source = {"lexicon": len(rows) - len(missing), "classifier": len(missing)}
    return correct / len(rows), len(rows), by_source


def speed(coder, n_docs: int) -> dict:
    from multipolar.nlp.pipeline import load_spacy

    texts = [r["text"] for r, _ in zip(read_jsonl_stream(SHARED / "corpora" / "wh_briefings.jsonl.gz"), range(n_docs), strict=False)]
    bare = load_spacy(coder.settings.spacy_model or None)
    batch = coder.settings.nlp_batch_size
    list(bare.pipe(texts[:5], batch_size=batch))  # warm both before timing
    list(coder.code_texts((str(i), t, None) for i, t in enumerate(texts[:5])))
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in bare.pipe(texts, batch_size=batch))
    bare_first = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_events = sum(len(events) for _, events in coder.code_texts((str(i), t, None) for i, t in enumerate(texts)))
    stage_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    sum(len(doc) for doc in bare.pipe(texts, batch_size=batch))
    bare_s = (bare_first + time.perf_counter() - t0) / 2  # bare timed before and after the stage: drift cancels
    return {
        "docs": len(texts), "tokens": tokens, "events": n_events,
        "bare_docs_per_s": len(texts) / bare_s, "bare_tokens_per_s": tokens / bare_s,
        "stage_docs_per_s": len(texts) / stage_s, "stage_tokens_per_s": tokens / stage_s,
        "ratio": bare_s / stage_s,
    }


def read_jsonl_stream(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def quality(coder) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, scheme in (("plover_gsr_dev.jsonl", "plover"), ("petrarch2_gsr.jsonl", "cameo")):
            r = run_gold(coder, EVAL / name, scheme, Path(tmp))
            for level in ("type", "source+type", "source+type+target"):
                x = r[level]
                print(f"{name:24s} {scheme:6s} {level:20s} P {x['precision']:.3f} R {x['recall']:.3f} F1 {x['f1']:.3f}")
    acc, n, by = pentaclass(coder)
    print(f"pentaclass accuracy {acc:.3f} on {n} sentences (main event from lexicon: {by['lexicon']}, classifier: {by['classifier']})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--no-classifier", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--speed-only", action="store_true", help="skip the quality figures")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="a setting, as `multipolar --set`")
    a = ap.parse_args()
    from multipolar.events.coder import EventCoder
    from multipolar.settings import load_settings

    settings = load_settings(dict(pair.split("=", 1) for pair in a.set))
    if a.no_classifier:
        settings = dataclasses.replace(settings, event_classifier=False)
    coder = EventCoder(settings)
    print(f"settings: event_classifier={settings.event_classifier} classifier_threshold={settings.classifier_threshold}")
    if not a.speed_only:
        quality(coder)
    if not a.skip_speed:
        s = speed(coder, a.docs)
        print(f"speed bare nlp.pipe: {s['bare_docs_per_s']:.1f} docs/s {s['bare_tokens_per_s']:.0f} tokens/s "
              f"({s['docs']} docs, {s['tokens']} tokens)")
        print(f"speed events.v1:     {s['stage_docs_per_s']:.1f} docs/s {s['stage_tokens_per_s']:.0f} tokens/s "
              f"({s['events']} events); ratio to bare {s['ratio']:.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
