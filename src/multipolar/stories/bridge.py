"""Rule `stories.bridge_merge`: two stored stories merge when new documents bridge them.

Stored stories are never compared with each other again as such (that would re-cluster the store), but
once a stored story takes a new document that is itself at least `story_threshold` similar to another
stored story of the chunk's window, the two are compared by the same average-linkage similarity,
threshold, window and span cap as any other pair of groups (`cluster.StoryClusterer`), and merge when it
reaches the threshold: two reports of one event that arrived in different batches start two stories,
and a later report close to both brings them together, as it would have had all of them arrived
together. The older story's id survives; each merge is
recorded (`StoryMerge`), and the store keeps the record, so a merged story's id still leads to its
documents.

`Hidden` keeps the similarities between stored stories (the pairs not offered to the merge loop until
one of the two takes a new document) up to date as groups merge.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    of the two has taken new documents that are themselves at least `threshold` similar to the other
    (`bridged`)."""

    def __init__(self, sim: np.ndarray, n_old: int, threshold: float) -> None:
        self.n_old = n_old
        self.threshold = threshold
        self.values = sim[:n_old, :n_old].copy()
        self.bridged = np.zeros((n_old, n_old), dtype=bool)
        sim[:n_old, :n_old] = -np.inf

    def row(self, sim: np.ndarray, k: int) -> np.ndarray:
        """Group `k`'s row of similarities with every hidden pair filled in."""
        if k >= self.n_old:
            return sim[k]
        out = sim[k].copy()
        out[: self.n_old] = self.values[k]
        return out

    def merged(self, sim: np.ndarray, a: int, b: int, row_b: np.ndarray) -> None:
        """Group `b` (its row of similarities `row_b` before the merge) went into `a`, whose new row
        `sim[a]` is set: a stored `a` shows its pairs with the stored stories its new documents bridge to;
        `b`'s pairs are gone."""
        n = self.n_old
        if a >= n:
            return
        if b < n:  # two stored stories: the bridges of either
            self.bridged[a] |= self.bridged[b]
            self.bridged[b] = False
            self.values[b] = -np.inf
            self.values[:, b] = -np.inf
        else:  # a new group: the stored stories it is itself close enough to
            self.bridged[a] |= row_b[:n] >= self.threshold
        self.bridged[:, a] = self.bridged[a]
        self.values[a] = sim[a, :n]
        self.values[:, a] = sim[a, :n]
        shown = np.where(self.bridged[a], self.values[a], -np.inf)
        sim[a, :n] = shown
        sim[:n, a] = shown


def survivor(ga: Any, gb: Any, opened: set[str]) -> tuple[str, str]:
    """(surviving id, merged id) of two stories: a stored id before one opened by this call, then the
    earlier first day, then the smaller id."""

    def key(group: Any) -> tuple:
        first = group.published_first or group.first or date.max
        return (group.story_id in opened, first, group.story_id)

    keep, lose = sorted((ga, gb), key=key)
    return keep.story_id, lose.story_id


def redirect(merges: list[StoryMerge], lose: str, keep: str) -> list[StoryMerge]:
    """`merges` with each merge into story `lose` (which goes now) pointing at `keep` instead."""
    return [replace(m, into_id=keep) if m.into_id == lose else m for m in merges]
