"""Re-analysis: after a settings change, `reanalyse --only-stale` re-codes the stale documents and the store
ends as a fresh ingest with the new setting would; raw documents stay byte for byte; a run killed halfway
is continued by the next one and ends the same."""

from __future__ import annotations

import json
import shutil

import pytest

from multipolar import Project
from multipolar.settings import Settings

pytestmark = pytest.mark.model

# our own short articles ("imposed sanctions", CAMEO 163, has another PLOVER type in the 2021 map)
ARTICLES = [
    ("2025-03-03", "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday. "
                   "Trade between the two countries reached $245 billion last year, officials said."),
    ("2025-03-03", "The United States imposed new sanctions on Iran on Monday, the Treasury said."),
    ("2025-03-04", "India and Brazil signed a defence agreement in New Delhi on Wednesday."),
    ("2025-03-05", "Russia accused the United States of interfering in Georgia on Thursday."),
    ("2025-03-06", "Japan pledged $2 billion in aid to Ukraine on Friday, according to Japanese officials."),
    ("2025-03-07", "Chinese troops fired on Indian soldiers along the border on Saturday, India said."),
]
NEW = {"plover_types": "map2021", "event_main_only": "false"}  # events-stage settings that change stored rows
RAW = "SELECT doc_id, source_uri, raw, raw_format, fields, ingested_at FROM documents ORDER BY doc_id"
# dedup_run and claim_groups.run name the run that made the rows: a re-analysis and a fresh ingest differ there
EVENTS = "SELECT * EXCLUDE (story_id, dedup_run), story_id IS NULL AS no_story FROM events ORDER BY event_id"
DERIVED = {
    "events": EVENTS,
    "claims": "SELECT * FROM claims ORDER BY claim_id",
    "claim_groups": "SELECT * EXCLUDE (run) FROM claim_groups ORDER BY group_id",  # run: which run grouped them
    "sentences": "SELECT * FROM sentences ORDER BY doc_id, idx",
    "mentions": "SELECT * FROM mentions ORDER BY doc_id, sentence, start, actor_code",
    "stories": "SELECT story_id, n_documents FROM stories ORDER BY story_id",
}


class _Killed(BaseException):
    """Stands in for SIGKILL: nothing after it runs, and no handler catches it."""


def _rows(db, sql, settings=None):
    with Project(db, settings) as project:
        return project.store.query(sql)[1]


def _derived(db):
    return {name: _rows(db, sql) for name, sql in DERIVED.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "c.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "published": d, "text": t}) + "\n"
                            for i, (d, t) in enumerate(ARTICLES)))
    return path


def _ingested(tmp_path_factory, corpus, settings):
    db = tmp_path_factory.mktemp("store") / "s.duckdb"
    with Project(db, settings) as project:
        project.ingest([corpus])
        project.analyse()
    return db


@pytest.fixture(scope="module")
def before(tmp_path_factory, corpus):
    """A store ingested and analysed with the default settings."""
    return _ingested(tmp_path_factory, corpus, None)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, corpus):
    """The same corpus ingested afresh with the new setting: what re-analysis must reproduce."""
    return _ingested(tmp_path_factory, corpus, NEW)


def _copy(before, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(before, db)
    return db


@pytest.fixture(scope="module")
def reanalysed(before, tmp_path_factory):
    db = _copy(before, tmp_path_factory.mktemp("re"))
    with Project(db, NEW) as project:
        stale = {s.stage: s.stale for s in project.stages() if s.per_document}
        summary = project.reanalyse(only_stale=True)
        after = {s.stage: s.stale for s in project.stages() if s.per_document}
    return db, stale, summary, after


def test_the_setting_changes_the_stored_events(before, fresh):
    assert _rows(before, "SELECT event_id, plover FROM events ORDER BY 1") != \
        _rows(fresh, "SELECT event_id, plover FROM events ORDER BY 1")


def test_reanalyse_only_stale_recodes_the_stale_documents(reanalysed):
    _, stale, summary, after = reanalysed
    documents = len(ARTICLES)
    assert stale == {"clean": 0, "events": documents, "claims": 0}
    assert (summary.clean, summary.events, summary.resumed) == (0, documents, False)
    assert after == {"clean": 0, "events": 0, "claims": 0}


def test_reanalysed_store_matches_a_fresh_ingest_with_the_new_setting(reanalysed, fresh):
    db, *_ = reanalysed
    assert _derived(db) == _derived(fresh)


def test_reanalyse_leaves_raw_documents_byte_identical(reanalysed, before):
    db, *_ = reanalysed
    assert _rows(db, RAW) == _rows(before, RAW)


def test_reanalyse_only_stale_again_has_nothing_to_do(reanalysed, tmp_path):
    db = _copy(reanalysed[0], tmp_path)
    with Project(db, NEW) as project:
        summary = project.reanalyse(only_stale=True)
    assert (summary.clean, summary.events, summary.claims) == (0, 0, 0)


def _kill_after(documents):
    """A progress callback that kills the run once it has re-coded this many documents' events."""
    done = []

    def progress(stage, n, due):
        if stage == "events" and n:
            done.append(n)
            if sum(done) >= documents:
                raise _Killed

    return progress, done


def test_killed_reanalysis_is_continued_and_ends_as_an_uninterrupted_one(before, fresh, tmp_path):
    db = _copy(before, tmp_path)
    settings = {**NEW, "batch_size": 2}
    first, first_done = _kill_after(2)  # killed after its first batch
    with Project(db, settings) as project, pytest.raises(_Killed):
        project.reanalyse(only_stale=True, progress=first)
    with Project(db, settings) as project:
        left = {s.stage: s.stale for s in project.stages()}["events"]
    second, second_done = _kill_after(len(ARTICLES) - 2)  # continues, killed after its last batch
    with Project(db, settings) as project, pytest.raises(_Killed):
        project.reanalyse(only_stale=True, progress=second)
    with Project(db, settings) as project:  # nothing left to re-code: it finishes the rest
        summary = project.reanalyse(only_stale=True)
        runs = project.runs().records()
    assert (sum(first_done), left, sum(second_done)) == (2, len(ARTICLES) - 2, len(ARTICLES) - 2)
    assert summary.resumed and summary.events == 0
    assert _derived(db) == _derived(fresh)
    assert _rows(db, RAW) == _rows(before, RAW)
    events_run = [r for r in runs if r["command"] == "reanalyse" and r["stage"] == "events"]
    assert [(r["status"], r["documents"]) for r in events_run] == [("done", len(ARTICLES))]


def test_reanalyse_all_rederives_every_document_and_changes_nothing_with_the_same_settings(before, tmp_path):
    db = _copy(before, tmp_path)
    with Project(db) as project:
        summary = project.reanalyse(stage="all")
    assert (summary.clean, summary.events, summary.claims, summary.changed) == (len(ARTICLES), len(ARTICLES), 0, 0)
    assert _derived(db) == _derived(before)
    assert _rows(db, RAW) == _rows(before, RAW)


def test_reanalyse_claims_alone_matches_the_full_analysis(before, tmp_path):
    db = _copy(before, tmp_path)
    with Project(db) as project:
        project.store.con.execute("UPDATE documents SET claims_run = NULL")  # as made before provenance
        stale = {s.stage: s.stale for s in project.stages()}["claims"]
        summary = project.reanalyse(stage="claims", only_stale=True)
    assert stale == len(ARTICLES) and summary.claims == len(ARTICLES) and summary.events == 0
    assert _derived(db) == _derived(before)


def test_reanalyse_clean_with_a_flag_setting_keeps_the_analysis(before, tmp_path):
    db = _copy(before, tmp_path)
    with Project(db, {"min_text_chars": 100}) as project:
        summary = project.reanalyse(stage="clean", only_stale=True)
        flagged = project.store.query("SELECT count(*) FROM documents WHERE flags::VARCHAR LIKE '%short_text%'")[1]
    assert (summary.clean, summary.changed, summary.analysed) == (len(ARTICLES), 0, 0)
    assert flagged[0][0] > 0  # the new setting took effect
    assert _derived(db) == _derived(before)


def test_reanalyse_rejects_an_unknown_stage(before, tmp_path):
    from multipolar.errors import UsageError

    with Project(_copy(before, tmp_path), Settings()) as project, pytest.raises(UsageError, match="--stage 'bogus'"):
        project.reanalyse(stage="bogus")
