"""Rule `stories.bridge_merge`: two stored stories merge when new documents bridge them.

Stored stories are never compared with each other again as such (that would re-cluster the store), but
once a stored story takes a new document in a chunk, it is compared with the other stored stories of
the chunk's window by the same average-linkage similarity, threshold, window and span cap as any other
pair of groups (`cluster.StoryClusterer`): two reports of one event that arrived in different batches
start two stories, and a later report close to both makes their average linkage reach the threshold,
as it would have had all of them arrived together. The older story's id survives; each merge is
recorded (`StoryMerge`), and the store keeps the record, so a merged story's id still leads to its
documents.

`Hidden` keeps the similarities between stored stories (the pairs not offered to the merge loop until
one of the two takes a new document) up to date as groups merge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

RULE = "stories.bridge_merge"


@dataclass(frozen=True, slots=True)
class StoryMerge:
    """Story `merged_id` was merged into `into_id` at average-linkage `similarity` by `rule`;
    `doc_ids` are the documents that moved."""

    merged_id: str
    into_id: str
    similarity: float
    doc_ids: tuple[str, ...] = ()
    rule: str = RULE


class Hidden:
    """The similarities (raw minus penalties, as the merge loop holds them) between the first `n_old`
    groups (stored stories), kept apart from the loop's matrix, where a pair of them shows only once one
    of the two has taken a new document (`fresh`)."""

    def __init__(self, sim: np.ndarray, n_old: int) -> None:
        self.n_old = n_old
        self.values = sim[:n_old, :n_old].copy()
        self.fresh = np.zeros(n_old, dtype=bool)
        sim[:n_old, :n_old] = -np.inf

    def row(self, sim: np.ndarray, k: int) -> np.ndarray:
        """Group `k`'s row of similarities with every hidden pair filled in."""
        if k >= self.n_old:
            return sim[k]
        out = sim[k].copy()
        out[: self.n_old] = self.values[k]
        return out

    def merged(self, sim: np.ndarray, a: int, b: int) -> None:
        """Group `b` went into `a`, whose new row `sim[a]` is set: `a` (if stored) is fresh, all its pairs
        show; `b`'s are gone."""
        n = self.n_old
        if b < n:
            self.values[b] = -np.inf
            self.values[:, b] = -np.inf
        if a < n:
            self.values[a] = sim[a, :n]
            self.values[:, a] = sim[a, :n]
            self.fresh[a] = True  # its row and column of `sim` hold every pair already


def survivor(ga: Any, gb: Any, opened: set[str]) -> tuple[str, str]:
    """(surviving id, merged id) of two stories: a stored id before one opened by this call, then the
    earlier first day, then the smaller id."""

    def key(group: Any) -> tuple:
        first = group.published_first or group.first or date.max
        return (group.story_id in opened, first, group.story_id)

    keep, lose = sorted((ga, gb), key=key)
    return keep.story_id, lose.story_id
