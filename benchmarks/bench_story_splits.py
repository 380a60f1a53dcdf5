"""What keeps one ECB+ story apart: the recall the shipped stories lose, by cause.

    .venv/bin/python benchmarks/bench_story_splits.py [--db FILE]

ECB+ dev as `bench_stories.py cv --inputs pipeline` reads it (the --db store's story inputs), clustered in
one batch with the shipped settings. Each gold story split over predicted clusters is taken fragment by
fragment against its largest fragment; each fragment is put in one category (first that applies): its
cluster holds another gold story's documents; the publication days of the two lie more than
story_window_days apart; their average-linkage similarity reaches story_threshold (kept apart by a date
rule); the lexical half (names, figures, actors) is below 0.1; the embedding half is below 0.5; else both
halves are middling. Printed per category: fragments and the share of B-cubed recall pairs they lose
(fragment x rest of its story), the quartiles of the similarity halves, the date relations, sizes.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from bench_stories import load_ecb, pipeline_items

from multipolar.settings import Settings
from multipolar.stories import StoryClusterer, bcubed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("ecbplus_dev.duckdb"))
    args = parser.parse_args()
    records = load_ecb()
    items = pipeline_items(records, args.db)
    gold = [r["story_id"] for r in records]
    settings = Settings()
    clusterer = StoryClusterer(settings, None)  # the stored embeddings of the inputs: no model
    predicted = [a.story_id for a in clusterer.assign(items)]
    p, r, f = bcubed(predicted, gold)
    print(f"ECB+ dev, pipeline inputs, shipped settings in one batch: B3 P={p:.3f} R={r:.3f} F1={f:.3f}")
    tokens = [clusterer._tokens(item) for item in items]  # the clusterer's own tokens and frequencies
    lex = clusterer.vectorizer.transform(tokens)
    emb = np.array([item.embedding for item in items], dtype=np.float32)
    w = settings.story_embedding_weight
    stories: dict[str, list[int]] = defaultdict(list)
    for k, g in enumerate(gold):
        stories[g].append(k)
    clusters: dict[str, list[int]] = defaultdict(list)
    for k, c in enumerate(predicted):
        clusters[c].append(k)
    fragments, lost, halves = Counter(), Counter(), defaultdict(list)
    dates, sizes = Counter(), Counter()
    for g, members in stories.items():
        parts: dict[str, list[int]] = defaultdict(list)
        for k in members:
            parts[predicted[k]].append(k)
        ordered = sorted(parts.values(), key=len, reverse=True)
        main_part = ordered[0]
        for part in ordered[1:]:
            e = float(emb[main_part].mean(0) @ emb[part].mean(0))
            lx = float((lex[main_part].mean(0) @ lex[part].mean(0).T).item())
            sim = w * e + (1 - w) * lx
            days_a = [items[k].published for k in main_part if items[k].published]
            days_b = [items[k].published for k in part if items[k].published]
            if days_a and days_b:
                gap = max(0, (min(days_b) - max(days_a)).days, (min(days_a) - max(days_b)).days)
                relation = f"publication days {'>' if gap > settings.story_window_days else '<='} window apart"
            else:
                relation = "one side with publication days" if days_a or days_b else "neither with publication days"
            if any(gold[k] != g for k in clusters[predicted[part[0]]]):
                cause = "in a cluster with another gold story"
            elif relation.startswith("publication days >"):
                cause = "publication days beyond the window"
            elif sim >= settings.story_threshold:
                cause = "similar enough, kept apart by a date rule"
            elif lx < 0.1:
                cause = "lexical half < 0.1"
            elif e < 0.5:
                cause = "embedding half < 0.5"
            else:
                cause = "both halves middling, below the threshold"
            fragments[cause] += 1
            lost[cause] += 2 * len(part) * (len(members) - len(part))
            halves[cause].append((e, lx, sim))
            dates[relation] += 1
            sizes[len(part)] += 1
    pairs = sum(len(m) ** 2 for m in stories.values())
    print(f"{sum(fragments.values())} fragments beyond each gold story's largest; recall pairs lost in all "
          f"{sum(lost.values()) / pairs:.3f} (1 - R = {1 - r:.3f})")
    for cause, n in fragments.most_common():
        e, lx, sim = np.median(np.array(halves[cause]), axis=0)
        print(f"  {cause:45s} {n:3d} fragments, recall pairs {lost[cause] / pairs:.3f}; median embedding {e:.2f}, "
              f"lexical {lx:.2f}, similarity {sim:.2f} (threshold {settings.story_threshold})")
    print("  date relation of fragment and largest part:", dict(dates.most_common()))
    print("  fragment sizes:", dict(sorted(sizes.items())))


if __name__ == "__main__":
    main()
