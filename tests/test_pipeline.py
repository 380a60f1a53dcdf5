"""A stage gives the same rows in a loop, in a process pool and on Ray."""

from __future__ import annotations

import json
import sys

import pytest

from multipolar.analyse import AnalysisInput
from multipolar.errors import SettingsError
from multipolar.pipeline import CLEAN, StageFactory, batched, prepare_stage, run_stage
from multipolar.records import Document, RawDocument, Rejection
from multipolar.settings import Settings

TEXTS = [
    "Russian President Vladimir Putin and Chinese President Xi Jinping held a video call on Tuesday.",
    "The United States imposed sanctions on Russian oil companies on Friday, the Treasury said.",
    "China accused Washington of fuelling the war in Ukraine with arms sales.",
    "Ministers from Brazil and India signed a trade agreement in New Delhi.",
]


def _raws():
    raws = [RawDocument(source_uri=f"mem://{i}", raw=json.dumps({"text": t, "id": str(i)}).encode(), raw_format="json",
                        fields={"text": t, "id": str(i)}) for i, t in enumerate(TEXTS)]
    raws.append(RawDocument(source_uri="mem://bad", raw=b"\x00\x01\x02binary", raw_format="txt"))
    return raws


def _flatten(batches):
    return [row for batch in batches for row in batch]


def test_clean_stage_loop_and_pool_give_the_same_rows():
    factory = StageFactory(*CLEAN, Settings())
    loop = _flatten(run_stage(factory, batched(_raws(), 2), workers=1))
    pool = _flatten(run_stage(factory, batched(_raws(), 2), workers=2, backend="pool"))
    assert loop == pool
    assert [type(r) for r in loop] == [Document] * 4 + [Rejection]


@pytest.mark.model
def test_analysis_stage_loop_and_pool_give_the_same_rows():
    items = [AnalysisInput(f"d{i}", f"mem://{i}", t, None) for i, t in enumerate(TEXTS)]
    factory = StageFactory("multipolar.analyse", "AnalyseStage", Settings())
    loop = _flatten(run_stage(factory, batched(items, 2), workers=1))
    pool = _flatten(run_stage(factory, batched(items, 2), workers=2, backend="pool"))
    assert loop == pool
    assert sum(len(a.events) for a in loop) >= 3


def test_run_stage_unknown_backend_is_refused():
    with pytest.raises(SettingsError, match="backend='threads' is not one of"):
        list(run_stage(StageFactory(*CLEAN, Settings()), [[]], backend="threads"))


def test_ray_backend_without_ray_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    with pytest.raises(SettingsError, match=r"pip install 'multipolar\[ray\]'"):
        list(run_stage(StageFactory(*CLEAN, Settings()), [[]], backend="ray"))


class CountingStage:
    """A stage that counts how often it was built (for the loop backend's kept stage)."""

    built = 0

    def __init__(self, settings: Settings) -> None:
        type(self).built += 1
        self.settings = settings

    def process(self, batch):
        return [x * 2 for x in batch]


def test_loop_backend_keeps_its_stage_between_runs_until_the_settings_or_files_change(tmp_path):
    CountingStage.built = 0
    factory = StageFactory(__name__, "CountingStage", Settings())
    assert _flatten(run_stage(factory, [[1, 2]], workers=1)) == [2, 4]
    assert _flatten(run_stage(factory, [[3]], workers=1)) == [6]
    assert CountingStage.built == 1
    lexicon = tmp_path / "lexicon.jsonl"
    lexicon.write_text("{}\n", encoding="utf-8")
    other = StageFactory(__name__, "CountingStage", Settings(event_lexicon=str(lexicon)))
    list(run_stage(other, [[1]], workers=1))
    list(run_stage(other, [[1]], workers=1))
    assert CountingStage.built == 2
    lexicon.write_text('{"changed": true}\n', encoding="utf-8")
    list(run_stage(other, [[1]], workers=1))
    assert CountingStage.built == 3


def test_prepare_stage_builds_the_in_process_stage_ahead_and_the_run_uses_it():
    CountingStage.built = 0
    # settings of its own, so no stage kept by an earlier test of this thread answers for it
    factory = StageFactory(__name__, "CountingStage", Settings(event_date_future_days=3))
    assert prepare_stage(factory) is True
    assert CountingStage.built == 1
    assert _flatten(run_stage(factory, [[5]], workers=1)) == [10]
    assert CountingStage.built == 1  # the run found the stage prepared


def test_prepare_stage_leaves_a_pool_to_build_its_own():
    CountingStage.built = 0
    assert prepare_stage(StageFactory(__name__, "CountingStage", Settings(workers=2))) is False
    assert prepare_stage(StageFactory(__name__, "CountingStage", Settings(backend="pool"))) is False
    assert CountingStage.built == 0


def test_prepare_clean_warms_the_in_process_cleaner_and_leaves_a_pool_alone(monkeypatch):
    from multipolar.clean import stage as clean_stage
    from multipolar.pipeline import prepare_clean

    monkeypatch.setattr(clean_stage, "_warmed", False)
    assert prepare_clean(Settings(workers=2)) is False
    assert clean_stage._warmed is False  # a pool's workers warm up themselves
    assert prepare_clean(Settings(event_date_future_days=4)) is True
    assert clean_stage._warmed is True
    assert not clean_stage.Cleaner.needs_warm_up([RawDocument("a.html", b"<p>x</p>", "html")])
