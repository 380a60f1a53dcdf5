"""Run every benchmark in turn and print its figures (`make bench`).

    python benchmarks/run_all.py [--quick]

--quick uses smaller samples where a benchmark allows it (for a look, not for the figures we report).
Each benchmark also runs on its own; see the docstring at the top of each file.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

RUNS = [
    ("extraction and publication dates (issue 2)", ["bench_extraction.py"], []),
    ("publication dates cross-validated by site (issue 13)", ["bench_published.py"], []),
    ("ingest throughput and memory (issue 2)", ["bench_ingest.py"], ["--limit", "2000", "--times", "3"]),
    ("temporal expressions (issue 3)", ["bench_dates.py"], []),
    ("event coder quality and speed (issue 3)", ["bench_events.py"], ["--docs", "300"]),
    ("event coder on whole real articles (issue 11)", ["bench_realnews.py"], []),
    ("full ingest with and without parse_only_actor_paragraphs (issue 14)", ["bench_lean.py"], ["--docs", "150"]),
    ("relations over 1,000,000 events (issue 4)", ["bench_relations.py"], ["--events", "100000"]),
    ("story clustering quality (issue 5)", ["bench_stories.py", "quality"], []),
    ("story clustering cross-validated by topic (issue 13)", ["bench_stories.py", "cv"], []),
    ("near duplicates and stories speed (issue 5)", ["bench_stories.py", "speed"], ["--limit", "2000"]),
    ("incremental cross-document stages, +100 documents (issue 14)", ["bench_incremental.py"], ["--sizes", "4000"]),
    ("spun-text detection (issue 5)", ["bench_spun.py"], []),
    ("numeric claims (issue 5)", ["bench_claims.py"], ["--docs", "1000"]),
    ("hostile input: fuzzed readers and cleaners (issue 15)", ["bench_fuzz.py"], ["--n", "5000"]),
    ("gzip bombs: peak memory (issue 15)", ["bench_gzip_bomb.py"], []),
    ("dashboard latency while a watched folder is ingested (issue 16)", ["bench_serve_live.py"], ["--drops", "1"]),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller samples")
    args = parser.parse_args()
    failed = []
    for title, script, quick in RUNS:
        print(f"\n=== {title}", flush=True)
        command = [sys.executable, str(HERE / script[0]), *script[1:], *(quick if args.quick else [])]
        start = time.perf_counter()
        code = subprocess.call(command)
        print(f"--- {time.perf_counter() - start:.0f} s, exit {code}", flush=True)
        if code:
            failed.append(title)
    if failed:
        sys.exit(f"benchmarks that failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
