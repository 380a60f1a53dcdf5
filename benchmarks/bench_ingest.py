"""Ingest + clean + store throughput and peak memory on the wh_briefings corpus (issue 2).

    python benchmarks/bench_ingest.py [--limit N] [--times K]

Runs `multipolar ingest --clean-only` in a child process (so its peak memory is its own) on the
14,396 documents of ../shared/corpora/wh_briefings.jsonl.gz, then on a file K times as large
(each copy's texts made distinct so nothing is skipped as a duplicate). Prints documents/s and the
child's peak resident memory for both: memory must not grow with the corpus.
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


def _make_input(folder: Path, *, limit: int | None, times: int) -> tuple[Path, int]:
    out = folder / f"input_x{times}.jsonl.gz"
    count = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src:
        lines = [line for line in src if line.strip()]
    if limit:
        lines = lines[:limit]
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as dst:
        for copy in range(times):
            for line in lines:
                record = json.loads(line)
                if copy:
                    record["text"] = f"{record.get('text', '')}\n\n[copy {copy}]"
                    if "id" in record:
                        record["id"] = f"{record['id']}-{copy}"
                dst.write(json.dumps(record) + "\n")
                count += 1
    return out, count


_WRAPPER = """
import resource, sys
from multipolar.cli import main
try:
    main(sys.argv[1:])
finally:
    print("PEAK_KIB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
"""


def _run(path: Path, db: Path, workers: int) -> tuple[float, float]:
    """Run the ingest in a child; return seconds and its peak memory in MiB: the process itself, plus
    its largest worker once per worker when there are workers (an upper bound of their sum)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, "ingest", str(path), "--db", str(db), "--clean-only", "--quiet",
         "--set", f"workers={workers}"],
        capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    peak = [line.split()[1:] for line in proc.stderr.splitlines() if line.startswith("PEAK_KIB")]
    if proc.returncode or not peak:
        sys.exit(f"ingest failed: {proc.stderr.strip()}")
    own, largest_worker = (int(x) for x in peak[0])
    return elapsed, (own + (workers * largest_worker if workers > 1 else 0)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    parser.add_argument("--times", type=int, default=10, help="size of the large run, in copies of the corpus")
    parser.add_argument("--workers", type=int, default=1, help="cleaning processes (--set workers=N)")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is missing: ../shared must sit beside the checkout")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for times in sorted({1, args.times}):
            path, count = _make_input(folder, limit=args.limit, times=times)
            elapsed, peak_mib = _run(path, folder / f"bench_x{times}.duckdb", args.workers)
            print(
                f"ingest x{times}, {args.workers} worker(s): {count} documents in {elapsed:.1f} s = {count / elapsed:.0f} documents/s; "
                f"peak memory {peak_mib:.0f} MiB (targets: >= 500 documents/s, < 1024 MiB)"
            )


if __name__ == "__main__":
    main()
