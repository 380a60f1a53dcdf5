"""Dashboard latency: `multipolar serve` (a real uvicorn on 127.0.0.1, in its own process) over a store of
synthetic events (1,000,000 by default: 10 years, 30 actors; `relations.synthetic`).

The server computes the default overview and its dyads in a thread when it starts (`web.serve`); the
benchmark waits for that (and prints how long it took), then requests each page and API endpoint once cold (the first request for that URL: the triangle or
dyad series is computed, then kept; `web.cache`), then N times in turn, one at a time, by an HTTP client in
this process; the figures are the cold time, and p50 and p95 of the wall time of the N repeated requests,
in milliseconds, and whether that p95 meets the target (200 ms).
Run: .venv/bin/python benchmarks/bench_serve.py [--events N] [--requests N] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from multipolar.relations.synthetic import synthetic_events
from multipolar.store import Store
from multipolar.store.synthetic import insert_synthetic, open_empty

TARGET_P95_MS = 200.0


def make_store(path: Path, n: int) -> None:
    con = open_empty(path)
    insert_synthetic(con, synthetic_events(n, years=10))
    con.execute("CHECKPOINT")
    con.close()
    Store.open(path).close()  # records the schema version, so `serve` opens it read-only


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30, help="requests per page or endpoint")
    parser.add_argument("--db", help="use this store instead of building one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "serve.duckdb"
        if not args.db:
            t0 = time.perf_counter()
            make_store(db, args.events)
            print(f"store: {args.events:,} synthetic events in {time.perf_counter() - t0:.0f} s", flush=True)
        port = free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        server = subprocess.Popen([sys.executable, "-m", "multipolar", "serve", "--db", str(db), "--port", str(port)],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=60) as client:
                deadline = time.monotonic() + 120
                while True:
                    try:
                        client.get("/api/actors")
                        break
                    except httpx.TransportError:
                        if server.poll() is not None or time.monotonic() > deadline:
                            sys.exit(f"the server did not start: {server.stdout.read() if server.stdout else ''}")
                        time.sleep(0.2)
                warm = _wait_for_line(server, "first views computed", 600)
                print(f"server: {warm}", flush=True)
                event_id = client.get("/api/events?actor=USA&per_page=1").json()["rows"][0]["event_id"]
                run(client, args.requests, event_id)
        finally:
            server.terminate()
            server.wait(timeout=30)


def _wait_for_line(server: subprocess.Popen, words: str, timeout: float) -> str:
    """The first line of the server's output that contains `words` (read in a thread, up to `timeout` s)."""
    found: list[str] = []

    def read() -> None:
        for line in server.stdout or ():
            if words in line:
                found.append(line.strip())
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    if not found:
        sys.exit(f"the server did not say {words!r} within {timeout:.0f} s")
    return found[0]


def run(client: httpx.Client, n: int, event_id: str) -> None:
    targets = [
        ("page", "/"),
        ("page", "/?a=CHN&b=RUS&c=IND&freq=week"),
        ("page", "/dyad?a=USA&b=CHN"),
        ("page", "/dyad?a=USA&b=CHN&period=2020-06"),
        ("page", "/events"),
        ("page", "/events?actor=USA+RUS&quad=4&page=3"),
        ("page", "/events?q=toward+chn&sort=goldstein&order=asc"),
        ("page", f"/events/{event_id}"),
        ("api", "/api/overview"),
        ("api", "/api/dyads/USA/CHN"),
        ("api", "/api/dyads/USA/CHN/events?since=2020-06-01&until=2020-06-30"),
        ("api", "/api/events?actor=CHN&sort=goldstein&per_page=100"),
        ("api", f"/api/events/{event_id}"),
        ("api", "/api/actors"),
    ]
    print(f"{'kind':5} {'path':55} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8}  p95 <= {TARGET_P95_MS:.0f} ms")
    misses = []
    for kind, path in targets:
        headers = {"accept": "text/html"} if kind == "page" else {}
        t0 = time.perf_counter()
        first = client.get(path, headers=headers)
        cold = (time.perf_counter() - t0) * 1000
        if first.status_code != 200:
            sys.exit(f"{path}: HTTP {first.status_code}: {first.text[:300]}")
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            client.get(path, headers=headers).raise_for_status()
            times.append((time.perf_counter() - t0) * 1000)
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        ok = p95 <= TARGET_P95_MS
        if not ok:
            misses.append(path)
        print(f"{kind:5} {path[:55]:55} {cold:8.0f} {p50:8.1f} {p95:8.1f}  {'yes' if ok else 'NO'}", flush=True)
    print(f"{len(targets) - len(misses)} of {len(targets)} meet p95 <= {TARGET_P95_MS:.0f} ms"
          + (f"; not met: {', '.join(misses)}" if misses else ""))


if __name__ == "__main__":
    main()
