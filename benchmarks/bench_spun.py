"""Machine-spun scores: distribution over the White House briefings stream, and the five seeds.

    .venv/bin/python benchmarks/bench_spun.py

Target: under 1% of wh_briefings flagged (they are official texts, none spun); of the seeds only
003 (a synonym-swapped copy) flagged.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from multipolar.clean.quality import assess_quality
from multipolar.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    settings = Settings()
    corpus = SHARED / "corpora" / "wh_briefings.jsonl.gz"
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not corpus.is_file() or not seeds:
        sys.exit("bench_spun: ../shared/corpora/wh_briefings.jsonl.gz and ../shared/seeds/ are needed")
    scores, flagged, patterns = [], 0, Counter()
    started = time.perf_counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            quality = assess_quality(json.loads(line)["text"], spun_threshold=settings.spun_threshold)
            scores.append(quality.spun.score)
            flagged += quality.spun.spun
            patterns.update(e.lower() for e in quality.spun.evidence)
    values = np.array(scores)
    print(f"wh_briefings: {len(values)} docs in {time.perf_counter() - started:.1f}s; flagged "
          f"{flagged} ({100 * flagged / len(values):.2f}%, target < 1%); any evidence {int((values > 0).sum())}")
    print("  score quantiles 50/90/99/99.9/max: " + " ".join(f"{np.quantile(values, q):.3f}"
                                                           for q in (0.5, 0.9, 0.99, 0.999, 1.0)))
    print("  commonest evidence: " + "; ".join(f"{p} ×{n}" for p, n in patterns.most_common(8)))
    for path in seeds:
        quality = assess_quality(path.read_text(encoding="utf-8"), spun_threshold=settings.spun_threshold)
        print(f"  seed {path.name[:3]}: score {quality.spun.score:.3f} spun={quality.spun.spun} "
              f"evidence={len(quality.spun.evidence)} boilerplate_share={quality.boilerplate_share:.3f} "
              f"language_residue={quality.language_residue:.3f}")


if __name__ == "__main__":
    main()
