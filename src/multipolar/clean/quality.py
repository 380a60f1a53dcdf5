"""Per-document quality signals: machine-"spun" text, leftover boilerplate, non-Latin residue.

Article spinners replace words with dictionary "synonyms" one at a time, without regard to sense or
neighbours, so spun text is full of pairs of common words that ordinary news never puts side by side
("protection insurance policies", "such because the United Nations"). `spun_score` does not know any
spinner: it measures, against a table of word pairs and their counts in a news corpus (`collocations.py`),
how many pairs are unseen, binned by how often chance alone would have met them (a pair of two very
common words that never occurs is strong evidence, a pair of two rarer words weak), how many words have
an unseen pair on *both* sides (a word swapped into a context it does not fit), how many pairs are seen
but no more often than chance (a weak collocation: a swap into words news does put side by side), how
many words sit in a slot that another word fills far better (`collocations.slot_gaps`: "the priest
said" where the table's news says "the minister said"; a swap that is a real word, even a plausible
one, still leaves its slot to a commoner word), and the rare-word rates, each shrunk towards its
clean-news rate for short documents. A logistic model with weights fitted offline by
`benchmarks/fit_spun.py` on spun copies made by several spinners of our own (`spinners.py`) maps them
to a score in [0, 1]; a score of 0.5 (settings.spun_threshold) flags a share of the clean fitting
documents chosen by cross-validation with spinner families held out (data/spun_model.json says which).

When the document's original is stored (a near duplicate), `compare_with_original` aligns the two and
counts one- and two-word swaps directly, which needs no table at all; spelling variants, moved days and
months and the words at either end (a line added before or after) are not counted.

Evidence is the substituted phrases, as written: the unseen pairs (runs merged, swapped-looking words
first), or the swaps against the original.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from multipolar.clean.collocations import N_FEATURES, N_RATES, WORD, pair_stats
from multipolar.errors import DataFileError

MODEL_FILE = Path(__file__).parent / "data" / "spun_model.json"


@dataclass(frozen=True, slots=True)
class SpunScore:
    score: float  # in [0, 1]
    spun: bool  # score >= settings.spun_threshold
    evidence: tuple[str, ...]  # the odd phrases found, as written


@dataclass(frozen=True, slots=True)
class QualityScores:
    """The visible per-document quality fields."""

    spun: SpunScore
    boilerplate_share: float  # share of lines that look like site chrome left in the clean text
    language_residue: float  # share of letters not in Latin script


@dataclass(frozen=True, slots=True)
class SpunModel:
    clean_rates: list[float]
    weights: list[float]
    intercept: float


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> SpunModel:
    """The fitted weights: `{"clean_rates": [N_RATES rates], "weights": [N_FEATURES], "intercept": x}`."""
    if not path.is_file():
        raise DataFileError(f"spun model: {path} does not exist; reinstall multipolar or refit it with "
                            "benchmarks/fit_spun.py fit")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = SpunModel([float(r) for r in data["clean_rates"]], [float(w) for w in data["weights"]],
                          float(data["intercept"]))
    except (ValueError, KeyError, TypeError) as error:
        raise DataFileError(f"spun model {path}: {error}; refit it with benchmarks/fit_spun.py fit") from error
    if len(model.weights) != N_FEATURES or len(model.clean_rates) != N_RATES:
        raise DataFileError(f"spun model {path}: expected {N_FEATURES} weights and {N_RATES} clean rates; "
                            "refit it with benchmarks/fit_spun.py fit")
    return model


def spun_score(text: str, *, threshold: float = 0.5, original: str | None = None) -> SpunScore:
    """Score how much `text` looks machine-spun; evidence lists the substituted-looking phrases.

    With `original` (the stored document `text` is a near duplicate of), the swaps against it count too:
    the result is the comparison's when it flags the copy, else the standalone one (an exact copy of a
    spun original is still spun text).
    """
    if original is not None:
        against = compare_with_original(text, original, threshold=threshold)
        if against.spun:
            return against
    model = load_model()
    stats = pair_stats(text)
    margin = model.intercept + sum(w * x for w, x in zip(model.weights, stats.features(model.clean_rates), strict=True))
    score = 1.0 / (1.0 + math.exp(-margin))
    return SpunScore(round(score, 4), score >= threshold, stats.phrases)


# against an original: the original's words replaced one-for-one (or by two words, or two by one), as
# spinners do. An honest repost drops or adds paragraphs and may fix a word or two; an update changes
# figures, days and dates. So a swap counts unless it is a spelling variant ("colour" / "color", a typo
# fixed: letters mostly shared) or a change of weekday or month, and the copy is judged by how many swaps
# it has *and* what share of the original's words they are: half a score at _SWAPS_AT_HALF swaps or at
# _SWAP_SHARE_AT_HALF of the words, whichever is more (a spinner's lightest touch swaps 2-3 % of them).
_SWAP_SHARE_AT_HALF = 0.01
_SWAPS_AT_HALF = 3
_MAX_SWAP = 2
_SPELLING_DISTANCE = 0.34  # normalised edit distance at or under which two words are one word spelled twice
_DATE_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
january february march april may june july august september october november december
""".split())


def compare_with_original(text: str, original: str, *, threshold: float = 0.5) -> SpunScore:
    """Align `text` with `original` word by word and count the small sense swaps (1-2 words for 1-2 words)."""
    new = [m.group(0) for m in WORD.finditer(text)]
    old = [m.group(0) for m in WORD.finditer(original)]
    if not new or not old:
        return SpunScore(0.0, False, ())
    evidence: dict[str, None] = {}
    swapped = 0
    new_lower, old_lower = [w.lower() for w in new], [w.lower() for w in old]
    for i1, i2, j1, j2 in _edit_blocks(old_lower, new_lower):
        if not (0 < i2 - i1 <= _MAX_SWAP and 0 < j2 - j1 <= _MAX_SWAP):
            continue
        if i1 == 0 or j1 == 0 or i2 == len(old) or j2 == len(new):
            continue  # at either end: a line added before or after the text, aligned with its edge
        if _same_sense(old_lower[i1:i2], new_lower[j1:j2]):
            continue
        swapped += i2 - i1
        evidence.setdefault(f"{' '.join(old[i1:i2])} → {' '.join(new[j1:j2])}")
    scale = max(_SWAPS_AT_HALF, _SWAP_SHARE_AT_HALF * len(old))
    score = 1.0 - math.exp(-math.log(2) * swapped / scale)
    return SpunScore(round(score, 4), score >= threshold, tuple(evidence)[:30])


def _same_sense(old: list[str], new: list[str]) -> bool:
    """A swap an honest editor makes: the same word spelled otherwise, or an updated day or month."""
    before, after = " ".join(old), " ".join(new)
    if Levenshtein.normalized_distance(before, after) <= _SPELLING_DISTANCE:
        return True
    return all(w in _DATE_WORDS for w in (*old, *new))


_CHROME = re.compile(
    r"^(previous post|next post|share( this)?|tweet|comments?|leave a (reply|comment)|related (posts|articles)"
    r"|read more|subscribe|advertisement|sign up|log ?in|menu|home|tags?:|categor(y|ies):|posted in"
    r"|\d[\d,]* views?|views?:? \d[\d,]*|#\w+( #\w+)*|copyright|©|all rights reserved)\b",
    re.IGNORECASE,
)


def _edit_blocks(old: list[str], new: list[str]) -> list[tuple[int, int, int, int]]:
    """Maximal runs of word-level edits between two texts: (old start, old end, new start, new end)."""
    blocks: list[list[int]] = []
    for op in Levenshtein.opcodes(old, new):
        if op.tag == "equal":
            continue
        if blocks and blocks[-1][1] == op.src_start and blocks[-1][3] == op.dest_start:
            blocks[-1][1], blocks[-1][3] = op.src_end, op.dest_end
        else:
            blocks.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    return [(b[0], b[1], b[2], b[3]) for b in blocks]


def boilerplate_share(text: str) -> float:
    """Share of non-empty lines that look like site chrome (navigation, counters, hashtags, sharing)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return 0.0
    return sum(1 for line in lines if len(line) < 80 and _CHROME.search(line)) / len(lines)


def language_residue(text: str) -> float:
    """Share of letters outside the Latin script (a comment widget in Persian, a Cyrillic byline)."""
    if text.isascii():
        return 0.0
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    other = sum(1 for c in letters if not unicodedata.name(c, "LATIN").startswith("LATIN"))
    return other / len(letters)


def assess_quality(text: str, *, spun_threshold: float = 0.5, original: str | None = None) -> QualityScores:
    return QualityScores(spun_score(text, threshold=spun_threshold, original=original), boilerplate_share(text),
                         language_residue(text))
