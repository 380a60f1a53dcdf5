"""A run killed with SIGKILL mid-ingest leaves a store that opens; the re-run stores every document once."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from multipolar.store import Store

N = 3000


def _ingest(inputs, db, workers, *quiet):
    return subprocess.Popen(
        [sys.executable, "-m", "multipolar", "ingest", str(inputs), "--db", str(db), "--clean-only", *quiet,
         "--set", "batch_size=25", "--set", f"workers={workers}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _size(path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_mid_ingest_then_rerun_stores_every_document_exactly_once(tmp_path, workers):
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w") as handle:
        for i in range(N):
            text = f"Report {i}: the foreign ministers of two countries met on Monday to discuss trade and security."
            handle.write(json.dumps({"id": f"r{i}", "title": f"Report {i}", "text": text}) + "\n")
    db = tmp_path / "killed.duckdb"
    wal = tmp_path / "killed.duckdb.wal"

    first = _ingest(corpus, db, workers, "--quiet")
    deadline = time.monotonic() + 120
    # a few batches committed: the write-ahead log holds more than the schema (on a busy machine a fixed
    # pause may pass before the first batch is in)
    while _size(wal) < 64 * 1024 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.02)
    assert first.poll() is None, "the first run finished before it could be killed: make the corpus bigger"
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert first.returncode == -signal.SIGKILL

    with Store.open(db) as store:  # the store opens after the kill
        stored_after_kill = store.count_documents()
        cleaned_after_kill = store.con.execute("SELECT count(cleaned_by) FROM documents").fetchone()[0]
    assert 0 < stored_after_kill < N

    second = _ingest(corpus, db, workers)
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    # the summary counts each document once: cleaned before the kill ("already stored"), or now ("ingested":
    # new inputs and the raw documents the kill left uncleaned, each cleaned once even when workers read ahead)
    summary = re.search(r"(\d+) ingested.*?(?:(\d+) already stored)?, (\d+) rejected", out)
    assert summary, out
    ingested, already = int(summary.group(1)), int(summary.group(2) or 0)
    assert (ingested, already, int(summary.group(3))) == (N - cleaned_after_kill, cleaned_after_kill, 0), out

    with Store.open(db, read_only=True) as store:
        total, distinct, cleaned, ids = store.con.execute(
            "SELECT count(*), count(DISTINCT doc_id), count(*) FILTER (WHERE cleaned_by IS NOT NULL), "
            "count(DISTINCT input_id) FROM documents"
        ).fetchone()
    assert (total, distinct, cleaned, ids) == (N, N, N, N)
