"""Peak memory of ingesting gzip bombs: about 1 MB that decompresses to 1 GiB, of one endless JSON line
and of newlines only.

    python benchmarks/bench_gzip_bomb.py [--gib 1] [--bound-mb 300]

Each bomb is ingested by `multipolar ingest FILE --clean-only` in a child process (a fresh store); the
figure is the child's peak resident set (ru_maxrss from wait4), beside the same command on a one-line
JSON lines file as the baseline (the interpreter, DuckDB and the cleaner). The reader decompresses each
file once, streaming in 1 MiB blocks, and stops at `max_decompressed_bytes`; the progress estimate reads
only the first 1 MiB. Exits 1 if a bomb's peak is over --bound-mb.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHUNK = 1 << 24  # 16 MiB of the decompressed stream written at a time


def write_bomb(path: Path, head: bytes, fill: bytes, size: int) -> None:
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(head)
        block = fill * (CHUNK // len(fill))
        written = len(head)
        while written < size:
            piece = block[: size - written]
            out.write(piece)
            written += len(piece)


def peak_mb(inputs: Path, db: Path) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of one ingest, from the child's own rusage (wait4)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "multipolar", "ingest", str(inputs), "--db", str(db),
                             "--clean-only", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024, time.perf_counter() - start, os.waitstatus_to_exitcode(status)


def rejections(db: Path) -> list[tuple[str, str]]:
    from multipolar.store import Store

    with Store.open(db, read_only=True) as store:
        return [tuple(r) for r in store.con.execute("SELECT code, message FROM rejections").fetchall()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gib", type=float, default=1.0, help="decompressed size of each bomb, GiB")
    parser.add_argument("--bound-mb", type=float, default=300.0, help="peak RSS a bomb may cost, MB")
    args = parser.parse_args()
    size = int(args.gib * (1 << 30))
    over = False
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        base = tmpdir / "one.jsonl"
        base.write_text(json.dumps({"id": "a", "text": "Officials met in Accra on Monday to talk about cocoa."}) + "\n")
        cases = [("baseline (one small line)", base)]
        one_line = tmpdir / "one_line.jsonl.gz"
        write_bomb(one_line, b'{"id": "bomb", "text": "', b"a", size)
        newlines = tmpdir / "newlines.jsonl.gz"
        write_bomb(newlines, b"", b"\n", size)
        cases += [("one endless line", one_line), ("newlines only", newlines)]
        print(f"{'input':28} {'compressed':>12} {'peak RSS':>10} {'seconds':>8}  rejections")
        for i, (name, path) in enumerate(cases):
            db = tmpdir / f"s{i}.duckdb"
            mb, seconds, code = peak_mb(path, db)
            found = rejections(db)
            print(f"{name:28} {path.stat().st_size:>12,} {mb:>8.0f} MB {seconds:>8.1f}  "
                  f"{[c for c, _ in found]} exit {code}")
            for _, message in found:
                print(f"    {message}")
            if i and mb > args.bound_mb:
                over = True
                print(f"    over the bound of {args.bound_mb:.0f} MB")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
