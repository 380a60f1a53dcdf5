"""Full ingest with and without `parse_only_actor_paragraphs`, and bare spaCy on the text each parses.

    python benchmarks/bench_lean.py [--docs 150] [--reference-src ../main/src]

The first N records of ../shared/corpora/wh_briefings.jsonl.gz (read at run time, never stored) are
ingested into a fresh store by `multipolar ingest` (clean + analyse + cross-document stages) in a child
process, once with the setting off and once on; each child's CPU seconds (user + system) give documents
per CPU-second. Bare spaCy (`nlp.pipe` of the English pipeline as installed, none of our components and
none of our table lookups in it) is then timed in this process on the whole texts and on only the pieces the selector keeps. Ratios within one run are what
count: the machine is shared. `--reference-src` also times an ingest with the setting off by another checkout's
code (its `src`, put first on PYTHONPATH), so this code's figures can be set against an earlier one's in the
same run; code from before the setting existed (issue 14 was filed against 8d6bc8e) is run without it.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "wh_briefings.jsonl.gz"


def read(n: int) -> list[dict]:
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            if len(out) >= n:
                break
            if line.strip():
                out.append(json.loads(line))
    return out


def ingest_cpu(path: Path, db: Path, on: bool, src: str | None = None) -> tuple[float, str]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = os.pathsep.join([str(Path(src).resolve()), *filter(None, [env.get("PYTHONPATH")])])
    setting = ["--set", f"parse_only_actor_paragraphs={'true' if on else 'false'}"]
    if src and not knows_setting(src):
        setting = []  # code from before the setting parses every text whole, which is the setting off
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [sys.executable, "-m", "multipolar", "ingest", str(path), "--db", str(db), *setting],
        capture_output=True, text=True, env=env,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.exit(f"ingest failed: {proc.stderr.strip()[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.stdout.strip()[-300:]


def knows_setting(src: str) -> bool:
    """Whether a checkout's code has `parse_only_actor_paragraphs` (the code issue 14 was filed against has not)."""
    settings = Path(src) / "multipolar" / "settings.py"
    return settings.exists() and "parse_only_actor_paragraphs" in settings.read_text(encoding="utf-8")


def counts(db: Path) -> tuple[int, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return (con.execute("select count(*) from events").fetchone()[0],
                con.execute("select count(*) from claims").fetchone()[0])
    finally:
        con.close()


def bare(nlp, texts: list[str], batch: int) -> float:
    start = time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch):
        pass
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--reference-src", help="another checkout's src: its ingest (setting off) is timed too")
    a = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is missing: ../shared must sit beside the checkout")
    records = read(a.docs)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        results = {}
        for on in (False, True):
            db = Path(tmp) / f"lean_{on}.duckdb"
            cpu, _ = ingest_cpu(path, db, on)
            results[on] = (cpu, *counts(db))
        if a.reference_src:
            db = Path(tmp) / "reference.duckdb"
            cpu, _ = ingest_cpu(path, db, False, a.reference_src)
            results[None] = (cpu, *counts(db))
    from multipolar.events.coder import EventCoder
    from multipolar.nlp.pipeline import load_spacy
    from multipolar.settings import Settings

    settings = dataclasses.replace(Settings(), parse_only_actor_paragraphs=True)
    coder = EventCoder(settings)
    texts = [r["text"] for r in records]
    kept = ["".join(run for run, parse in coder.pipeline._runs(t) if parse) for t in texts]
    nlp = load_spacy(settings.spacy_model or None)  # spaCy's own pipeline, as installed: no component of ours
    batch = settings.nlp_batch_size
    list(nlp.pipe(texts[:3]))
    whole = bare(nlp, texts, batch)
    parsed = bare(nlp, kept, batch)
    chars, kept_chars = sum(map(len, texts)), sum(map(len, kept))
    n = len(records)
    for on in (False, True):
        cpu, events, claims = results[on]
        print(f"ingest parse_only_actor_paragraphs={on}: {n} docs in {cpu:.1f} CPU-s = {n / cpu:.2f} docs/CPU-s; "
              f"{events} events, {claims} claims")
    print(f"ratio on/off: {results[False][0] / results[True][0]:.2f}x docs per CPU-s (target >= 2)")
    if None in results:
        cpu, events, claims = results[None]
        print(f"reference ({a.reference_src}) ingest parse_only_actor_paragraphs=False: {n} docs in {cpu:.1f} CPU-s = "
              f"{n / cpu:.2f} docs/CPU-s; {events} events, {claims} claims; this code's on / reference off: "
              f"{cpu / results[True][0]:.2f}x, off / reference off: {cpu / results[False][0]:.2f}x")
    print(f"kept {kept_chars / chars:.1%} of {chars} characters")
    print(f"bare spaCy whole texts: {whole:.1f} CPU-s ({n / whole:.2f} docs/CPU-s); "
          f"off ingest / bare whole = {whole / results[False][0]:.2f}x")
    print(f"bare spaCy kept text:   {parsed:.1f} CPU-s ({n / parsed:.2f} docs/CPU-s); "
          f"on ingest / bare kept = {parsed / results[True][0]:.2f}x (target >= 0.9)")


if __name__ == "__main__":
    main()
