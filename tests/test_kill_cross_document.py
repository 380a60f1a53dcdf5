"""A run killed with SIGKILL at each boundary of the cross-document stages (and, with two workers, in
the middle of the per-document analysis) is repaired by the next run: the same near duplicates, spun
scores, stories, canonical events and claim groups as a run never killed, and no worker left alive.

The child process is the real CLI (`multipolar ingest ... --set workers=N`); the kill point is set by
replacing one stage function of `multipolar.analyse` in the child with one that SIGKILLs its own process
(no test hook in the package)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from multipolar import analyse
from multipolar.pipeline import ingest
from multipolar.settings import Settings
from multipolar.store import Store

pytestmark = [pytest.mark.model, pytest.mark.slow]

ARTICLES = [
    ("2025-03-03", "Kenyan President William Ruto met Chinese President Xi Jinping in Beijing on Monday. "
                   "Trade between the two countries reached $8 billion last year, officials said."),
    ("2025-03-03", "Ruto and Xi held talks in Beijing on Monday, and bilateral trade stood at $8 billion, "
                   "according to Kenyan officials."),
    ("2025-03-03", "Kenyan President William Ruto met Chinese President Xi Jinping in Beijing on Monday. "
                   "Trade between the two countries reached $8 billion last year, officials said on Monday."),
    ("2025-03-04", "Russia accused the United States of interfering in Georgia on Tuesday. "
                   "Moscow said trade with Tbilisi reached $2 billion."),
    ("2025-03-05", "India and Brazil signed a defence agreement in New Delhi on Wednesday."),
    ("2025-03-05", "Brazil and India signed a defence pact in New Delhi on Wednesday, officials said."),
]
# the boundaries of cross_document, in order; "finish" is after the last stage, before the run is marked done
STAGES = ("mark_near_duplicates", "score_spun", "assign_stories", "deduplicate_store_events", "regroup_claims",
          "finish")

CHILD = textwrap.dedent("""
    import multiprocessing, os, signal, sys
    from multipolar import analyse
    from multipolar.store import Store, analysis

    point, corpus, db, workers = sys.argv[1:5]

    def die(*args, **kwargs):
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    if point == "per_document":  # after the first batch's analyses are stored, workers busy with the next
        save, calls = analysis.save_analyses, []
        def save_then_die(*args, **kwargs):
            calls.append(1)
            if len(calls) == 2:
                die()
            return save(*args, **kwargs)
        analysis.save_analyses = save_then_die
    elif point == "finish":
        set_meta = Store.set_meta
        def set_meta_or_die(self, values):
            if values.get(analyse.CROSS_PENDING) == "0":
                die()
            return set_meta(self, values)
        Store.set_meta = set_meta_or_die
    else:
        setattr(analyse, point, die)

    from multipolar.cli import main
    main(["ingest", corpus, "--db", db, "--quiet", "--set", f"workers={workers}", "--set", "batch_size=1"])
""")


def _killed_run(point: str, corpus: Path, db: Path, workers: int) -> list[int]:
    """Run the CLI in a child killed at `point`; returns the pids of its workers at the kill."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.run([sys.executable, "-c", CHILD, point, str(corpus), str(db), str(workers)],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == -signal.SIGKILL, (run.returncode, run.stderr[-2000:])
    return [int(p) for p in run.stdout.split()]


def _alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return fields[0] != "Z"


def _survivors(pids: list[int]) -> list[int]:
    give_up = time.monotonic() + 30
    while any(_alive(p) for p in pids) and time.monotonic() < give_up:
        time.sleep(0.1)
    survivors = [p for p in pids if _alive(p)]
    for pid in survivors:  # leave nothing behind when the test fails
        os.kill(pid, signal.SIGKILL)
    return survivors


def _fingerprint(db: Path) -> dict[str, object]:
    """The cross-document results as partitions of ids (story and group ids may differ between runs)."""
    def groups(rows):
        out: dict[object, set[str]] = {}
        for key, member in rows:
            out.setdefault(key, set()).add(member)
        return sorted(sorted(members) for members in out.values())

    with Store.open(db, read_only=True) as store:
        q = store.con.execute
        return {
            "analysed": q("SELECT count(*) FROM documents WHERE processed_by = 'analyse.v1'").fetchone()[0],
            "events": q("SELECT count(*) FROM events").fetchone()[0],
            "near_duplicates": sorted(q("SELECT input_id, (SELECT input_id FROM documents o WHERE o.doc_id = "
                                        "d.near_duplicate_of) FROM documents d").fetchall()),
            "spun": sorted(q("SELECT input_id, round(spun_score, 9), spun FROM documents").fetchall()),
            "stories": groups(q("SELECT story_id, input_id FROM documents WHERE story_id IS NOT NULL").fetchall()),
            "story_rows": q("SELECT count(*), sum(n_documents) FROM stories").fetchone(),
            "event_stories": q("SELECT count(*) FROM events e JOIN documents d USING (doc_id) "
                               "WHERE e.story_id IS DISTINCT FROM d.story_id").fetchone()[0],
            "canonical": groups(q("SELECT canonical_id, event_id FROM events").fetchall()),
            "claim_groups": groups(q("SELECT group_id, claim_id FROM claims").fetchall()),
            "claim_group_rows": sorted(q("SELECT status, n_claims, n_documents FROM claim_groups").fetchall()),
            "pending": q(f"SELECT value FROM meta WHERE key = '{analyse.CROSS_PENDING}'").fetchone()[0],
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "c.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "published": d, "text": t}) + "\n"
                            for i, (d, t) in enumerate(ARTICLES)))
    return path


class _Killed(BaseException):
    """Stands in for a kill in this process: nothing after it runs, and no handler catches it."""


@pytest.fixture(scope="module")
def cleaned(corpus, tmp_path_factory) -> Path:
    """A store with the corpus ingested and cleaned, not analysed."""
    db = tmp_path_factory.mktemp("base") / "s.duckdb"
    with Store.open(db) as store:
        ingest(store, [str(corpus)], Settings(batch_size=1))
    return db


@pytest.fixture(scope="module")
def analysed(cleaned, tmp_path_factory) -> Path:
    """The cleaned store with every document analysed, stopped before the first cross-document stage (so
    each killed child below pays only for the cross-document stages)."""
    db = tmp_path_factory.mktemp("analysed") / "s.duckdb"
    shutil.copy(cleaned, db)
    with Store.open(db) as store, pytest.MonkeyPatch.context() as patch:
        def stop(*args, **kwargs):
            raise _Killed

        patch.setattr(analyse, STAGES[0], stop)
        with pytest.raises(_Killed):
            analyse.analyse_store(store, Settings(batch_size=1))
    return db


@pytest.fixture(scope="module")
def unkilled(analysed, tmp_path_factory) -> dict[str, object]:
    db = tmp_path_factory.mktemp("whole") / "s.duckdb"
    shutil.copy(analysed, db)
    with Store.open(db) as store:
        analyse.analyse_store(store, Settings(batch_size=1))
    found = _fingerprint(db)
    assert found["analysed"] == len(ARTICLES) and found["pending"] == "0"
    assert found["near_duplicates"] != sorted((f"a{i}", None) for i in range(len(ARTICLES)))  # a real near duplicate
    assert len(found["stories"]) < len(ARTICLES) and found["claim_groups"]  # stories and groups of several
    return found


def _rerun(db: Path) -> dict[str, object]:
    with Store.open(db) as store:
        assert store.meta().get(analyse.CROSS_PENDING) == "1"  # the killed run left its mark
        analyse.analyse_store(store, Settings(batch_size=1))
    return _fingerprint(db)


@pytest.mark.parametrize("point", STAGES)
def test_a_run_killed_at_a_cross_document_stage_is_repaired_by_the_rerun(tmp_path, corpus, analysed, unkilled, point):
    db = tmp_path / "s.duckdb"
    shutil.copy(analysed, db)
    _killed_run(point, corpus, db, workers=1)
    assert _rerun(db) == unkilled


def test_a_two_worker_run_killed_mid_analysis_leaves_no_worker_and_is_repaired(tmp_path, corpus, cleaned, unkilled):
    db = tmp_path / "s.duckdb"
    shutil.copy(cleaned, db)
    workers = _killed_run("per_document", corpus, db, workers=2)
    assert len(workers) == 2  # the pool was running when the run was killed
    assert _survivors(workers) == []
    assert _rerun(db) == unkilled
