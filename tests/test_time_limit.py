"""One document's analysis has a time limit (`document_time_limit`): past it, the document becomes a
stored rejection that names the setting, and the run goes on, in a loop and in a process pool."""

from __future__ import annotations

import json

import pytest

from multipolar import analyse
from multipolar.analyse import AnalysisInput
from multipolar.pipeline import StageFactory, batched, ingest, run_stage
from multipolar.records import Analysis, Rejection
from multipolar.settings import Settings
from multipolar.store import Store
from multipolar.time_limit import TimeLimitExceeded, time_limit

# one sentence of several thousand words, without a full stop: the kind of text that takes long to code
RUN_ON = "On Monday " + " and ".join(
    f"the foreign minister of China met the defence minister of Russia in city {i} to discuss trade" for i in range(400)
)
SHORT = "Russian President Vladimir Putin and Chinese President Xi Jinping held a video call on Tuesday."
TINY = 0.005


def test_time_limit_interrupts_a_loop_that_never_ends():
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        while True:
            pass


def test_time_limit_is_not_swallowed_by_an_except_exception():
    def stubborn():
        while True:
            try:
                sum(range(10_000))
            except Exception:  # noqa: S112 - the point: a stage's broad handler must not eat the limit
                continue

    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        stubborn()


def test_time_limit_of_zero_is_no_limit():
    with time_limit(0):
        assert sum(range(1000)) == 499500


def _corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [{"id": "long", "published": "2025-03-03", "text": RUN_ON},
            {"id": "short", "published": "2025-03-03", "text": SHORT}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _time_limit_rejections(store):
    return store.query("SELECT d.input_id, r.message FROM rejections r JOIN documents d USING (doc_id) "
                       "WHERE r.code = 'time_limit'")[1]


@pytest.mark.model
def test_a_document_past_the_time_limit_is_rejected_and_the_run_goes_on(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [str(_corpus(tmp_path))], Settings())
        analyse.analyse_store(store, Settings(document_time_limit=TINY))
        rejected = _time_limit_rejections(store)
        assert "long" in {input_id for input_id, _ in rejected}
        assert all(f"document_time_limit={TINY:g}" in message for _, message in rejected)
        left = store.query("SELECT count(*) FROM documents WHERE text IS NOT NULL AND processed_by IS NULL")[1][0][0]
        assert left == 0  # every document was handled: analysed or rejected
        assert store.meta().get(analyse.CROSS_PENDING) == "0"  # and the cross-document stages ran after it

        analyse.analyse_store(store, Settings(document_time_limit=TINY))  # the same limit: not tried again
        assert len(_time_limit_rejections(store)) == len(rejected)

        analyse.analyse_store(store, Settings(document_time_limit=0))  # no limit: analysed now
        assert _time_limit_rejections(store) == []
        unanalysed = store.query("SELECT count(*) FROM documents WHERE text IS NOT NULL AND processed_by <> 'analyse.v1'")
        assert unanalysed[1][0][0] == 0


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_the_time_limit_holds_in_a_loop_and_in_a_pool(workers):
    items = [AnalysisInput("long", "mem://long", RUN_ON, None)]
    factory = StageFactory("multipolar.analyse", "AnalyseStage", Settings(document_time_limit=TINY))
    results = [r for batch in run_stage(factory, batched(items, 1), workers=workers) for r in batch]
    assert len(results) == 1 and isinstance(results[0], Rejection)
    assert results[0].code == "time_limit" and "document_time_limit" in results[0].message


@pytest.mark.model
def test_without_a_limit_the_long_document_is_analysed():
    items = [AnalysisInput("long", "mem://long", RUN_ON, None)]
    factory = StageFactory("multipolar.analyse", "AnalyseStage", Settings(document_time_limit=0))
    results = [r for batch in run_stage(factory, batched(items, 1), workers=1) for r in batch]
    assert isinstance(results[0], Analysis) and results[0].events


def test_the_limit_grows_with_length_past_the_covered_size_so_size_alone_never_stops_a_document():
    settings = Settings(document_time_limit=60, document_time_limit_chars=100_000)
    assert analyse.document_limit(settings, 5_000) == 60  # a short pathological text keeps the plain limit
    assert analyse.document_limit(settings, 100_000) == 60
    assert analyse.document_limit(settings, 3_000_000) == 1800  # a 3 MB text: 30 times the limit
    assert analyse.document_limit(Settings(document_time_limit=0), 3_000_000) == 0  # no limit stays none


@pytest.mark.model
def test_a_long_document_gets_the_scaled_limit_and_its_rejection_names_it():
    items = [AnalysisInput("long", "mem://long", RUN_ON, None)]
    settings = Settings(document_time_limit=TINY, document_time_limit_chars=len(RUN_ON) // 4)
    factory = StageFactory("multipolar.analyse", "AnalyseStage", settings)
    results = [r for batch in run_stage(factory, batched(items, 1), workers=1) for r in batch]
    assert results[0].code == "time_limit"
    assert f"scaled to {analyse.document_limit(settings, len(RUN_ON)):g} s" in results[0].message
