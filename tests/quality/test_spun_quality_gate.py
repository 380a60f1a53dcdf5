"""Quality gate: the shipped spun detector on a small sample (read from ../shared at run time, never copied).

Spun copies of `test`-split documents (never used for the pair table or the fitted weights: the first
40 White House briefings of the split and the 36 world-news feed digests) made by one spinner of each
synonym source; clean side: the 30 real-news dev articles and those 40 briefings. The shipped model was
fitted on all three sources, so these are not held-out figures (benchmarks/bench_spun.py prints those);
the feed digests make the spun shares here higher than the benchmark's, which is mostly briefings.
Reached 2026-12-02 on this sample, with the expected-count bins and weak-pair rates: list-words-0.9 0.171,
embed-0.5 0.882, corpus-0.5 0.829; real news 1/30 and briefings 0/40 flagged (the model before them:
0.132, 0.474, 0.605; real news 0/30). Reached 2026-12-03 with the slot rates and the model refitted on 9
spinners at a cross-validated threshold: 0.184, 0.921, 0.895; real news 1/30, briefings 0/40. Reached
2026-12-08 with capitalised words of prose lines paired too (model refitted): 0.303, 0.921, 0.895; real
news 1/30, briefings 0/40. Floors sit
a little below; lowering one is a visible change, and the real-news ceiling was raised from 0 to one
article of the 30 with the expected-count features.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from multipolar.clean.collocations import WORD, load_table
from multipolar.clean.quality import spun_score
from multipolar.clean.spinners import (
    Spinner,
    corpus_neighbours,
    embedding_neighbours,
    list_spinner,
    rss_digests,
    wh_documents,
)
from multipolar.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.shared]

SHARED = Path(__file__).resolve().parents[3] / "shared"
N_DOCS = 40

# flagged share of spun copies (shipped model; at least), and clean flagged share (at most)
SPUN_FLOORS = {"list-words-0.9": 0.29, "embed-0.5": 0.90, "corpus-0.5": 0.87}
CLEAN_CEILINGS = {"realnews": 1 / 30, "wh_briefings": 0.025}


@pytest.fixture(scope="module")
def sample() -> list[str]:
    assert (SHARED / "corpora" / "wh_briefings.jsonl.gz").is_file(), "the gate reads ../shared/corpora"
    wh = [t for _, t in itertools.islice((d for d in wh_documents(SHARED, "test") if len(d[1].split()) >= 80), N_DOCS)]
    return wh + [t for _, t in rss_digests(SHARED, "test") if len(t.split()) >= 80]


@pytest.fixture(scope="module")
def spinners(sample) -> list[Spinner]:
    words = sorted({m.group(0) for text in sample for m in WORD.finditer(text) if m.group(0).islower()})
    table = load_table()
    return [list_spinner("list-words-0.9", 0.9, phrases=False),
            Spinner("embed-0.5", "embed", 0.5, embedding_neighbours(words)),
            Spinner("corpus-0.5", "corpus", 0.5, corpus_neighbours(table, only=set(words)))]


def flagged(texts: list[str]) -> float:
    threshold = Settings().spun_threshold
    return sum(spun_score(t, threshold=threshold).spun for t in texts) / len(texts)


@pytest.mark.parametrize("name", list(SPUN_FLOORS))
def test_spun_copies_are_flagged(sample, spinners, name):
    spinner = next(s for s in spinners if s.name == name)
    share = flagged([spinner.spin(text, i)[0] for i, text in enumerate(sample)])
    assert share >= SPUN_FLOORS[name], f"{name}: {share:.3f} of spun copies flagged"


def test_realnews_articles_are_not_flagged():
    lines = (SHARED / "eval" / "events" / "realnews_dev.jsonl").read_text(encoding="utf-8").splitlines()
    share = flagged([json.loads(line)["text"] for line in lines])
    assert share <= CLEAN_CEILINGS["realnews"], f"{share:.3f} of real-news articles flagged"


def test_briefings_are_not_flagged(sample):
    share = flagged(sample[:N_DOCS])
    assert share <= CLEAN_CEILINGS["wh_briefings"], f"{share:.3f} of briefings flagged"
