"""Speed-up of 2 workers over 1: the same documents ingested and analysed into fresh stores.

    python benchmarks/bench_workers.py [--docs 400] [--workers 1,2] [--backend pool]

Documents: the first N records of ../shared/corpora/wh_briefings.jsonl.gz, each cut to its first 6,000
characters (read at run time, never stored in the project). Each run is a fresh store in a temporary folder
and a fresh process (`multipolar ingest` = clean + analyse + the cross-document stages), so models load in
each run as they would for a user. Wall seconds are what a user waits; the ratio of wall times in one run
of this script is the speed-up (absolute times on a shared machine are noisy).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "wh_briefings.jsonl.gz"
CUT = 6000


def write_corpus(path: Path, n: int) -> int:
    written = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            record = json.loads(line)
            text = (record.get("text") or "")[:CUT]
            if not text.strip():
                continue
            out.write(json.dumps({"id": record.get("id") or f"wh{written}", "title": record.get("title"),
                                  "date": record.get("date"), "text": text}) + "\n")
            written += 1
            if written == n:
                break
    return written


def run(corpus: Path, db: Path, workers: int, backend: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "multipolar", "ingest", str(corpus), "--db", str(db), "--quiet",
         "--set", f"workers={workers}", "--set", f"backend={backend}"],
        capture_output=True, text=True, check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"ingest with workers={workers} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return wall, done.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--backend", default="pool", help="pool or ray (workers=1 always runs in a loop)")
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is missing: this benchmark reads ../shared/corpora beside the checkout")
    with tempfile.TemporaryDirectory(prefix="mp-workers-") as tmp:
        corpus = Path(tmp) / "docs.jsonl"
        n = write_corpus(corpus, args.docs)
        walls: dict[int, float] = {}
        for workers in [int(w) for w in args.workers.split(",")]:
            backend = "loop" if workers == 1 else args.backend
            walls[workers], _ = run(corpus, Path(tmp) / f"w{workers}.duckdb", workers, backend)
            print(f"workers={workers} ({backend}): {n} documents in {walls[workers]:.1f} s wall "
                  f"({n / walls[workers]:.2f} documents/s)", flush=True)
        if 1 in walls:
            for workers, wall in walls.items():
                if workers != 1:
                    print(f"speed-up of {workers} workers over 1: {walls[1] / wall:.2f}x")


if __name__ == "__main__":
    main()
