"""Quality gate: B-cubed F1 on the ECB+ dev half (read from ../shared at run time).

The documents are embedded once per test session (a module-scoped cache keyed by text), so the batch
and the incremental checks share one embedding pass; the clustering itself runs in full each time.
"""

import json
import random
from pathlib import Path

import numpy as np
import pytest

from multipolar.embeddings import Embedder
from multipolar.settings import Settings
from multipolar.stories import StoryClusterer, StoryInput, bcubed

pytestmark = pytest.mark.shared

ECB = Path(__file__).resolve().parents[3] / "shared" / "eval" / "stories" / "ecbplus_dev.jsonl"
# below the cross-validated figure (0.923, 5 folds by topic: benchmarks/bench_stories.py cv); the
# defaults, which cross-validation chose, give 0.935 on all topics (benchmarks/bench_stories.py quality)
F1_FLOOR = 0.92
INCREMENTAL_FLOOR = 0.90  # measured 0.917-0.936 over three shuffles in batches of 50 with stories.revisit (this is shuffle 0: 0.936; 0.872 before the rule)


class _CachedEmbedder:
    """The real embedder, each distinct (text, max_tokens) computed once per session."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.cache: dict[tuple[str, int | None], np.ndarray] = {}

    def embed(self, texts, batch_size=64, *, max_tokens=None):  # noqa: ANN001, ANN201
        missing = [t for t in dict.fromkeys(texts) if (t, max_tokens) not in self.cache]
        if missing:
            rows = self.embedder.embed(missing, batch_size, max_tokens=max_tokens)
            self.cache.update({(t, max_tokens): row for t, row in zip(missing, rows, strict=True)})
        return np.vstack([self.cache[(t, max_tokens)] for t in texts])


@pytest.fixture(scope="module")
def ecb_records():
    assert ECB.is_file(), f"{ECB} is missing: the gate needs ../shared/eval"
    return [json.loads(line) for line in ECB.open(encoding="utf-8")]


@pytest.fixture(scope="module")
def cached_embedder():
    # one intra-op thread: on a small shared machine more threads only add contention (same vectors)
    return _CachedEmbedder(Embedder(threads=1))


def _items(records):  # noqa: ANN001, ANN202
    return [StoryInput(r["id"], r.get("title"), r["text"]) for r in records]


@pytest.mark.slow
@pytest.mark.model
def test_ecbplus_bcubed_f1_floor(ecb_records, cached_embedder):
    clusterer = StoryClusterer(Settings(), cached_embedder)
    assigned = clusterer.assign(_items(ecb_records))
    _, _, f1 = bcubed([a.story_id for a in assigned], [r["story_id"] for r in ecb_records])
    assert f1 >= F1_FLOOR


@pytest.mark.slow
@pytest.mark.model
def test_ecbplus_incremental_f1_floor(ecb_records, cached_embedder):
    items = _items(ecb_records)
    order = list(range(len(items)))
    random.Random(0).shuffle(order)
    clusterer = StoryClusterer(Settings(), cached_embedder)
    for start in range(0, len(order), 50):
        clusterer.assign([items[i] for i in order[start : start + 50]])
    # each document's story after the last batch (a later batch may merge stories: stories.bridge_merge)
    _, _, f1 = bcubed([clusterer.story_of(item.doc_id) for item in items], [r["story_id"] for r in ecb_records])
    assert f1 >= INCREMENTAL_FLOOR
