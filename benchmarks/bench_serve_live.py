"""Dashboard latency while a feed is ingested, and how long new documents take to show (issue 16).

Builds a store of synthetic events (200,000 by default; `relations.synthetic`), starts
`multipolar serve --db STORE --watch FOLDER --every 1s` on 127.0.0.1 (a real uvicorn in its own process,
the watcher in a thread of it), waits for the first views and for the watcher's "ready" (its analysis models
loaded; a drop before that waits for them, 2-3 s more on 2 cores), then:

1. idle: requests each page and API endpoint below in turn, `--idle-rounds` times (p50 / p95 with no ingest);
2. drops one JSON-lines file of `--docs` documents into the watched folder (short news-like texts written
   for this benchmark, under an outlet of their own; or the first `--docs` records of `--corpus FILE`, read
   at run time), and from then on requests the same pages and endpoints in turn, one at a time, `--pause`
   seconds apart, polling `/api/events?outlet=OUTLET` every `--poll` seconds, until the count of the new
   documents' events has been the same for `--settle` seconds after it first became non-zero (or `--max-seconds` passed);
3. waits for the watcher's round to end (its alert rules run after the analysis), then drops the next file
   (`--drops`, 2 by default: the first round loads the analysis models, the next finds them loaded).

Printed: p50 / p95 / max latency idle and during ingest (the requests between the drop and the moment the
events became visible), per kind (page, api), against the 500 ms target; the time from the drop to the first
and to the final count of the new events through /api/events, against the 10 s target; the server's lines.
Run: .venv/bin/python benchmarks/bench_serve_live.py [--events N] [--docs N] [--corpus FILE] [--set K=V]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import free_port, make_store, percentile  # noqa: E402

TARGET_P95_MS = 500.0
TARGET_VISIBLE_S = 10.0
OUTLET = "Live Bench Wire"

# Short news-like texts written for this benchmark: who did what to whom, in a few sentences.
_COUNTRIES = [("the United States", "Washington"), ("China", "Beijing"), ("Russia", "Moscow"), ("India", "New Delhi"),
              ("Japan", "Tokyo"), ("France", "Paris"), ("Germany", "Berlin"), ("Brazil", "Brasilia"),
              ("Turkey", "Ankara"), ("Iran", "Tehran")]
_ACTS = ["signed a trade agreement with", "accused", "held talks with", "imposed new sanctions on",
         "promised economic aid to", "condemned", "praised", "threatened", "hosted the foreign minister of",
         "expelled two diplomats of"]
_TOPICS = ["grain exports", "a disputed border", "energy prices", "naval exercises", "a detained journalist",
           "rare earth metals", "a new pipeline", "fishing rights", "a cyber attack", "visa rules"]


def own_documents(n: int, drop: int = 1) -> list[dict]:
    rng = random.Random(16 + drop)
    docs = []
    for i in range(n):
        (a, cap_a), (b, cap_b) = rng.sample(_COUNTRIES, 2)
        act, topic, other = rng.choice(_ACTS), rng.choice(_TOPICS), rng.choice(_ACTS)
        day = 1 + i % 28
        text = (f"{a[0].upper()}{a[1:]} {act} {b} on Tuesday over {topic}, officials in {cap_a} said. "
                f"The foreign ministry of {b} said the move was expected and that {cap_b} would answer within days. "
                f"Analysts said {topic} had strained relations between the two governments since last spring. "
                f"Later in the week {b} {other} {a}, according to a statement read on state television. "
                f"Talks on {topic} are to resume next month, a spokesman said.")
        docs.append({"id": f"live-bench-{drop}-{i}", "title": f"{a} and {b} clash over {topic}", "text": text,
                     "published": f"2024-12-{day:02d}T09:00:00Z", "outlet": f"{OUTLET} {drop}",
                     "url": f"https://live-bench.example/{drop}/{i}"})
    return docs


def corpus_documents(path: Path, n: int, drop: int = 1) -> list[dict]:
    """The `drop`-th `n` records of a JSON-lines file (gzip allowed) with text, under the benchmark's outlet."""
    opener = gzip.open if path.name.endswith(".gz") else open
    docs = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if isinstance(record.get("text"), str) and record["text"].strip():
                docs.append({**record, "outlet": f"{OUTLET} {drop}"})
            if len(docs) >= n * drop:
                break
    return docs[n * (drop - 1):]


TARGETS = [
    ("page", "/"),
    ("page", "/dyad?a=USA&b=CHN"),
    ("page", "/events"),
    ("page", "/events?actor=USA+RUS&quad=4&page=3"),
    ("api", "/api/overview"),
    ("api", "/api/dyads/USA/CHN"),
    ("api", "/api/events?actor=CHN&sort=goldstein&per_page=100"),
    ("api", "/api/actors"),
]


class Output:
    """The server's output lines, read in a thread; `wait(words)` waits for a line containing `words`."""

    def __init__(self, server: subprocess.Popen) -> None:
        self.lines: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        threading.Thread(target=self._read, args=(server,), daemon=True).start()

    def _read(self, server: subprocess.Popen) -> None:
        for line in server.stdout or ():
            with self._cond:
                self.lines.append((time.monotonic(), line.rstrip()))
                self._cond.notify_all()

    def wait(self, words: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for _, line in self.lines:
                    if words in line:
                        return line
                left = deadline - time.monotonic()
                if left <= 0:
                    sys.exit(f"the server did not say {words!r} within {timeout:.0f} s; it said: "
                             + " | ".join(x for _, x in self.lines[-10:]))
                self._cond.wait(left)


    def wait_count(self, words: str, n: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while sum(words in line for _, line in self.lines) < n:
                left = deadline - time.monotonic()
                if left <= 0:
                    sys.exit(f"the server did not say {words!r} {n} times within {timeout:.0f} s")
                self._cond.wait(left)


def timed_get(client: httpx.Client, kind: str, path: str) -> float:
    headers = {"accept": "text/html"} if kind == "page" else {}
    t0 = time.perf_counter()
    client.get(path, headers=headers).raise_for_status()
    return (time.perf_counter() - t0) * 1000


def new_events(client: httpx.Client, drop: int) -> int:
    response = client.get("/api/events", params={"outlet": f"{OUTLET} {drop}", "per_page": 1})
    response.raise_for_status()
    return int(response.json()["total"])


def summary(label: str, samples: list[tuple[str, float]]) -> bool:
    ok = True
    for kind in ("page", "api"):
        times = [ms for k, ms in samples if k == kind]
        if not times:
            print(f"{label:13} {kind:4}  no requests")
            continue
        p95 = percentile(times, 0.95)
        ok &= p95 <= TARGET_P95_MS
        print(f"{label:13} {kind:4}  {len(times):4} requests  p50 {statistics.median(times):7.1f} ms  "
              f"p95 {p95:7.1f} ms  max {max(times):7.1f} ms  p95 <= {TARGET_P95_MS:.0f} ms: "
              f"{'yes' if p95 <= TARGET_P95_MS else 'NO'}", flush=True)
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--docs", type=int, default=100, help="documents per drop")
    parser.add_argument("--drops", type=int, default=2,
                        help="files dropped one after the other (the first round loads the analysis models)")
    parser.add_argument("--corpus", type=Path, help="take the documents from this JSON-lines file (read at run time)")
    parser.add_argument("--db", help="use this store (the documents are added to it: give a scratch copy)")
    parser.add_argument("--idle-rounds", type=int, default=3)
    parser.add_argument("--poll", type=float, default=0.25, help="seconds between polls of /api/events")
    parser.add_argument("--pause", type=float, default=0.1,
                        help="seconds between requests during ingest (0: back to back; the client's CPU then "
                             "competes with the server's)")
    parser.add_argument("--settle", type=float, default=5.0)
    parser.add_argument("--max-seconds", type=float, default=240.0, help="per drop")
    parser.add_argument("--set", dest="sets", action="append", default=[], help="a setting for the server, K=V")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "live.duckdb"
        if not args.db:
            t0 = time.perf_counter()
            make_store(db, args.events)
            print(f"store: {args.events:,} synthetic events in {time.perf_counter() - t0:.0f} s", flush=True)
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        port = free_port()
        command = [sys.executable, "-m", "multipolar", "serve", "--db", str(db), "--port", str(port),
                   "--watch", str(inbox), "--every", "1s"]
        for kv in args.sets:
            command += ["--set", kv]
        server = subprocess.Popen(command, env={**os.environ, "PYTHONUNBUFFERED": "1"},
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        output = Output(server)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
                print(f"server: {output.wait('first views computed', 600)}", flush=True)
                # the drops measure a running watcher: its models are loaded before its first poll
                print(f"server: {output.wait('watch: ready', 600)}", flush=True)
                for kind, path in TARGETS:  # each URL once cold, then measured
                    timed_get(client, kind, path)
                idle = [(kind, timed_get(client, kind, path))
                        for _ in range(args.idle_rounds) for kind, path in TARGETS]
                for drop in range(1, args.drops + 1):
                    docs = (corpus_documents(args.corpus, args.docs, drop) if args.corpus
                            else own_documents(args.docs, drop))
                    if new_events(client, drop):
                        sys.exit(f"the store already has events from outlet {OUTLET} {drop}: give a store without them")
                    staged = Path(tmp) / f"live-{drop}.jsonl"
                    staged.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
                    dropped = time.monotonic()
                    os.replace(staged, inbox / staged.name)
                    chars = sum(len(d["text"]) for d in docs)
                    print(f"drop {drop}: {len(docs)} documents ({chars:,} characters) into the watched folder", flush=True)
                    results.append((drop, dropped, *run_live(client, dropped, drop, args)))
                    if drop < args.drops:  # the next file is dropped once this round (alerts included) is done
                        output.wait_count("watch: round at", drop, args.max_seconds)
        finally:
            server.terminate()
            server.wait(timeout=60)
    print()
    ok = summary("idle", idle)
    met = True
    ends = [r[1] for r in results[1:]] + [float("inf")]
    for (drop, dropped, live, first_seen, final_seen, count), end in zip(results, ends, strict=True):
        ok &= summary(f"during drop {drop}", live)
        for at, line in output.lines:
            if dropped <= at < end and line.startswith("watch:") and "unchanged" not in line:
                print(f"    server at +{at - dropped:5.1f} s: {line}")
        if first_seen is None or final_seen is None:
            print(f"drop {drop}: the new events did not show through /api/events within {args.max_seconds:.0f} s: NO")
            met = False
            continue
        met &= final_seen <= TARGET_VISIBLE_S
        print(f"drop {drop}: {count} events of the new documents visible through /api/events: first at "
              f"{first_seen:.1f} s, all at {final_seen:.1f} s after the drop; <= {TARGET_VISIBLE_S:.0f} s: "
              f"{'yes' if final_seen <= TARGET_VISIBLE_S else 'NO'}")
    print(f"latency p95 <= {TARGET_P95_MS:.0f} ms idle and during ingest: {'yes' if ok else 'NO'}; "
          f"visible within {TARGET_VISIBLE_S:.0f} s: {'yes' if met else 'NO'}")


def run_live(client: httpx.Client, dropped: float, drop: int, args: argparse.Namespace
             ) -> tuple[list[tuple[str, float]], float | None, float | None, int]:
    """Requests in turn until the new events' count is settled; the latencies up to the moment they became
    visible, and when they first showed and last changed (seconds after the drop)."""
    samples: list[tuple[float, str, float]] = []
    first_seen = final_seen = None
    count, next_poll, i = 0, 0.0, 0
    while True:
        now = time.monotonic()
        if now - dropped > args.max_seconds:
            break
        if now >= next_poll:
            seen = new_events(client, drop)
            at = time.monotonic() - dropped
            if seen and first_seen is None:
                first_seen = at
            if seen != count:
                count, final_seen = seen, at
            if final_seen is not None and at - final_seen >= args.settle:
                break
            next_poll = time.monotonic() + args.poll
        kind, path = TARGETS[i % len(TARGETS)]
        i += 1
        started = time.monotonic() - dropped
        samples.append((started, kind, timed_get(client, kind, path)))
        time.sleep(args.pause)
    end = final_seen if final_seen is not None else args.max_seconds
    return [(k, ms) for at, k, ms in samples if at <= end], first_seen, final_seen, count


if __name__ == "__main__":
    main()
