"""A run that dies during the cross-document stages is finished by the next run: the same stories,
canonical events and claim groups as a run that was never interrupted."""

from __future__ import annotations

import json
import shutil

import pytest

from multipolar import analyse
from multipolar.pipeline import ingest
from multipolar.settings import Settings
from multipolar.store import Store

pytestmark = pytest.mark.model

ARTICLES = [
    ("2025-03-03", "Kenyan President William Ruto met Chinese President Xi Jinping in Beijing on Monday. "
                   "Trade between the two countries reached $8 billion last year, officials said."),
    ("2025-03-03", "Ruto and Xi held talks in Beijing on Monday, and bilateral trade stood at $8 billion, "
                   "according to Kenyan officials."),
    ("2025-03-04", "Russia accused the United States of interfering in Georgia on Tuesday."),
    ("2025-03-05", "India and Brazil signed a defence agreement in New Delhi on Wednesday."),
]
STAGES = ("mark_near_duplicates", "score_spun", "assign_stories", "deduplicate_store_events", "regroup_claims")


class _Killed(BaseException):
    """Stands in for SIGKILL: nothing after it runs, and no handler catches it."""


def _corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "published": d, "text": t}) + "\n"
                            for i, (d, t) in enumerate(ARTICLES)))
    return path


def _summary(store):
    return store.query(
        """SELECT (SELECT count(*) FROM stories),
                  (SELECT count(DISTINCT story_id) FROM documents WHERE story_id IS NOT NULL),
                  (SELECT count(DISTINCT canonical_id) FROM events),
                  (SELECT count(*) FROM events WHERE canonical_id IS NULL),
                  (SELECT count(*) FROM claim_groups),
                  (SELECT count(*) FROM documents WHERE spun_score IS NULL AND text IS NOT NULL)"""
    )[1][0]


def _run_killed_at(store, monkeypatch, stage):
    with monkeypatch.context() as patch:
        def killed(*args, **kwargs):
            raise _Killed

        patch.setattr(analyse, stage, killed)
        with pytest.raises(_Killed):
            analyse.analyse_store(store, Settings())


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """A store whose documents are analysed, killed before its first cross-document stage."""
    tmp = tmp_path_factory.mktemp("base")
    with Store.open(tmp / "s.duckdb") as store:
        ingest(store, [str(_corpus(tmp))], Settings())
        _run_killed_at(store, pytest.MonkeyPatch(), STAGES[0])
    return tmp / "s.duckdb"


@pytest.fixture(scope="module")
def uninterrupted(analysed, tmp_path_factory):
    db = tmp_path_factory.mktemp("whole") / "s.duckdb"
    shutil.copy(analysed, db)
    with Store.open(db) as store:
        analyse.analyse_store(store, Settings())
        return _summary(store)


@pytest.mark.parametrize("stage", ["score_spun", "assign_stories", "regroup_claims"])
def test_a_run_killed_at_a_cross_document_stage_is_finished_by_the_rerun(tmp_path, monkeypatch, analysed, uninterrupted, stage):
    db = tmp_path / "s.duckdb"
    shutil.copy(analysed, db)
    with Store.open(db) as store:
        _run_killed_at(store, monkeypatch, stage)
    with Store.open(db) as store:
        analyse.analyse_store(store, Settings())
        assert _summary(store) == uninterrupted


def test_the_uninterrupted_run_has_cross_document_results(uninterrupted):
    stories, story_ids, canonical, uncanonical, _groups, unscored = uninterrupted
    assert stories > 0 and story_ids > 0 and canonical > 0 and uncanonical == 0 and unscored == 0
