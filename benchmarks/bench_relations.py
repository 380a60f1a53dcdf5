"""Relations speed: 1,000,000 synthetic events (10 years, 30 actors) in a temporary DuckDB store.

Times a monthly dyad series (USA–CHN), a monthly USA/CHN/RUS triangle over the 10 years (target
≤ 1 s) and building the HTML report on a small synthetic store (50,000 events).
Run: .venv/bin/python benchmarks/bench_relations.py [--events N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb  # benchmarks build their own store, as tests do

from multipolar.relations.dyads import dyad_series
from multipolar.relations.shifts import dyad_shifts
from multipolar.relations.synthetic import synthetic_events
from multipolar.relations.triangle import triangle_series
from multipolar.report import build_report
from multipolar.settings import Settings
from multipolar.store.synthetic import insert_synthetic, open_empty

TRIANGLE_TARGET_S = 1.0


def make_store(path: Path, n: int, *, years: int = 10) -> duckdb.DuckDBPyConnection:
    con = open_empty(path)
    insert_synthetic(con, synthetic_events(n, years=years))
    con.execute("CHECKPOINT")
    return con


def timed(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float, object]:
    """(median, best) seconds over `repeat` runs after one warm-up run, and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--report-events", type=int, default=50_000)
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        con = make_store(Path(tmp) / "bench.duckdb", args.events)
        print(f"store: {args.events:,} events inserted in {time.perf_counter() - t0:.1f} s")
        med, best, series = timed(lambda: dyad_series(con, "USA", "CHN", settings=settings, freq="month"))
        print(f"dyad USA-CHN monthly, {len(series.undirected)} periods: median {med * 1000:.0f} ms, best {best * 1000:.0f} ms")
        med, best, _ = timed(lambda: dyad_series(con, "USA", "CHN", settings=settings, freq="month",
                                                 normalisation="salience"))
        print(f"dyad USA-CHN monthly, salience-normalised: median {med * 1000:.0f} ms, best {best * 1000:.0f} ms")
        med, best, tri = timed(lambda: triangle_series(con, ("USA", "CHN", "RUS"), settings=settings, freq="month"))
        verdict = "met" if med <= TRIANGLE_TARGET_S else "NOT MET"
        print(f"triangle USA/CHN/RUS monthly, {len(tri.periods)} periods (posterior edge estimates): median {med * 1000:.0f} ms, best {best * 1000:.0f} ms "
              f"(target <= {TRIANGLE_TARGET_S:.0f} s: {verdict})")
        med, best, _ = timed(lambda: dyad_shifts(con, "USA", "RUS", settings=settings, freq="month"), repeat=3)
        print(f"dyad shifts USA-RUS monthly (series + PELT + drivers): median {med * 1000:.0f} ms")
        con.close()
        con = make_store(Path(tmp) / "small.duckdb", args.report_events, years=2)
        med, best, html = timed(lambda: build_report(con, settings), repeat=3)
        print(f"report on {args.report_events:,} events (2 years): median {med * 1000:.0f} ms, "
              f"{len(str(html)) / 1024:.0f} KiB of HTML")
        con.close()


if __name__ == "__main__":
    main()
