"""Quality gate for multipolar.timex on TimeML gold (TimeBank and AQUAINT, TempEval-3).

The measure is benchmarks/bench_dates.py's: for each gold TIMEX3 of type DATE, an overlapping
expression of ours with exactly the gold value. The floors sit a little below what the finder
reached; lowering one is a visible change. The gold lives in ../shared beside the repository; a
missing copy fails the gate (it never skips).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.shared

REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO.parent / "shared" / "eval" / "temporal"

# measured: combined value accuracy 0.841 (timebank 0.852, aquaint 0.816), span recall 0.97, precision-ish 0.90
FLOOR_VALUE_ACCURACY = {"timebank.jsonl": 0.865, "aquaint.jsonl": 0.81, "combined": 0.85}
FLOOR_SPAN_RECALL = 0.95
FLOOR_PRECISION = 0.87


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_dates", REPO / "benchmarks" / "bench_dates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_dates"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict:
    for name in ("timebank.jsonl", "aquaint.jsonl"):
        assert (EVAL_DIR / name).is_file(), f"gold file {EVAL_DIR / name} is missing: check out ../shared"
    return _bench().score_dir(EVAL_DIR)


@pytest.mark.parametrize("name", sorted(FLOOR_VALUE_ACCURACY))
def test_dates_value_accuracy_floor(scores: dict, name: str) -> None:
    assert scores[name].gold > 400
    assert scores[name].accuracy >= FLOOR_VALUE_ACCURACY[name]


def test_dates_span_recall_floor(scores: dict) -> None:
    assert scores["combined"].recall >= FLOOR_SPAN_RECALL


def test_dates_precision_floor(scores: dict) -> None:
    assert scores["combined"].precision >= FLOOR_PRECISION
