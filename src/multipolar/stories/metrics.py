"""B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin 1998)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1), each item weighted equally; raises ValueError on unequal lengths."""
    if len(predicted) != len(gold):
        raise ValueError(f"bcubed: {len(predicted)} predicted labels for {len(gold)} gold labels")
    if not gold:
        return 0.0, 0.0, 0.0
    in_predicted = Counter(predicted)
    in_gold = Counter(gold)
    both = Counter(zip(predicted, gold, strict=False))
    precision = sum(both[(p, g)] / in_predicted[p] for p, g in zip(predicted, gold, strict=False)) / len(gold)
    recall = sum(both[(p, g)] / in_gold[g] for p, g in zip(predicted, gold, strict=False)) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
