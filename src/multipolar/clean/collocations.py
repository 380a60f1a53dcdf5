"""Word-pair statistics for spotting spun text without knowing the spinner.

A spinner swaps words for dictionary "synonyms" one at a time and never looks at the neighbours, so
its output is full of pairs of common words that news English never puts side by side ("protection
insurance policies", "Chinese language actions", "courtroom nations"). This module counts such
*broken collocations* against a table of which word pairs occur in ordinary news and how often, each
judged against how often chance alone would put its two words side by side, counts the *slots* (a word
between two table words) that another word fills far better than the one written (`slot_gaps`), and
reports the rare-word rates, so that `quality.spun_score` can weigh them with fitted weights (`RATE_NAMES`).

The table `data/collocations.npz` holds, for the 65,535 commonest lower-cased words of a news corpus,
the word list and its counts, the sorted keys (id1 << 16 | id2) of the word pairs seen there at
least twice, and those pairs' counts. It is derived counts only (no sentence can be read back from
it) and is built by `benchmarks/fit_spun.py` from one split of ../shared/corpora; documents of the other splits are kept
for fitting and for measuring. At load, each word's SLOT_K commonest neighbours on either side and a hash
of the pair keys are derived from it (in memory only).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from multipolar.errors import DataFileError

TABLE_FILE = Path(__file__).parent / "data" / "collocations.npz"

# a word: letters with an optional inner apostrophe ("Russia's", "don't"); a pair is two words with only
# spaces between them (punctuation, digits and line breaks end a run of words)
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_GAP = re.compile(r"[ \t]+")

RARE_COUNT = 20  # a word below this count (or outside the table) is rare
# pseudo-observations at the clean rate that pull short documents towards the clean rate. Cross-validation on the
# fit split (`benchmarks/fit_spun.py prior`) prefers far more (weakest held-out family flagged: 40 0.210, 160 0.248,
# 640 0.304, 1280 0.341, 2560 0.329), but at 1280 the test split's whole-day feed digests (long, many topics) were
# flagged 7.7-10.3 % and real news up to 3 of 30: the fit's clean side has no such long documents, so 40 stays
PRIOR = 40.0
# A pair of words in the table is judged by how often it would be met if its words were independent
# (count(a) * count(b) / words counted): a pair expected ten times and never seen twice is strong
# evidence of a swap, one expected 0.05 times is almost none. Unseen pairs are counted in these bins.
EXPECTED_EDGES = (0.1, 0.5, 2.0, 10.0)
# A slot is a word between two table words ("the ___ of"). It is judged by how much better another word
# fits there: the log of c(left x) * c(x right) / c(x) for the best other x (among the SLOT_K commonest
# words after `left` and before `right`) minus the same for the word written. A writer picks a word that
# fits its slot; a spinner's sense-blind swap leaves a slot that the corpus fills with something else.
SLOT_K = 32
SLOT_GAPS = (3.0, 5.0, 7.0, 9.0, 11.0)
SLOT_EVIDENCE_GAP = 9.0  # a slot this much (log) better filled by another word is shown as evidence
RATE_NAMES = (
    *(f"unseen pairs expected {lo:g}-{hi:g}" for lo, hi in zip((0.0, *EXPECTED_EDGES), (*EXPECTED_EDGES, float("inf")), strict=True)),
    "sandwiched words",
    "pairs met less often than expected",
    "pairs met under 4 times as often as expected",
    "rare words",
    "words outside the table",
    *(f"slots preferring another word e^{g:g} times" for g in SLOT_GAPS),
)
N_RATES = len(RATE_NAMES)
WEAK_EXPECTED = 0.5  # a pair is judged weak or not only when chance alone would give it this many times
N_FEATURES = N_RATES + 1  # the rates and the document's size (log pairs)


@dataclass(frozen=True, slots=True)
class CollocationTable:
    ids: dict[str, int]  # word -> id (1-based; 0 = outside the table)
    counts: np.ndarray  # counts[id], counts[0] = 0
    pairs: np.ndarray  # sorted uint32 keys of pairs seen at least twice
    total: int  # words counted
    pair_counts: np.ndarray | None = None  # each pair's count (capped at 65,535), in the order of `pairs`
    # the SLOT_K commonest words after (before) each word id, 0 where there are fewer; see `commonest_neighbours`
    successors: np.ndarray | None = None
    predecessors: np.ndarray | None = None
    # an open-addressing hash of `pairs` (see `hash_pairs`): slot -> position in `pairs` + 1, 0 = empty
    hashed: np.ndarray | None = None

    def pair_seen(self, keys: np.ndarray) -> np.ndarray:
        return self.pair_count(keys) > 0

    def pair_count(self, keys: np.ndarray) -> np.ndarray:
        """How often each pair was seen (0 below twice); 2 for every seen pair in a table without counts."""
        if not len(self.pairs):
            return np.zeros(len(keys), dtype=np.int64)
        if self.hashed is not None:
            where = find_pairs(self.pairs, self.hashed, keys)
        else:
            where = np.searchsorted(self.pairs, keys)
        where[(where < 0) | (where >= len(self.pairs))] = 0
        seen = self.pairs[where] == keys
        found = self.pair_counts[where].astype(np.int64) if self.pair_counts is not None else np.full(len(keys), 2)
        return np.where(seen, found, 0)


@lru_cache(maxsize=2)
def load_table(path: Path = TABLE_FILE) -> CollocationTable:
    if not path.is_file():
        raise DataFileError(f"collocation table: {path} does not exist; reinstall multipolar "
                            "or rebuild it with benchmarks/fit_spun.py")
    try:
        with np.load(path, allow_pickle=False) as data:
            words = [str(w) for w in data["words"]]
            counts = np.concatenate([[0], data["counts"].astype(np.int64)])
            pairs = data["pairs"].astype(np.uint32)
            pair_counts = data["pair_counts"].astype(np.int64) if "pair_counts" in data.files else None
            total = int(data["total"])
    except (OSError, KeyError, ValueError) as error:
        raise DataFileError(f"collocation table {path}: {error}; rebuild it with benchmarks/fit_spun.py") from error
    if len(words) > 65535 or len(counts) != len(words) + 1:
        raise DataFileError(f"collocation table {path}: word list and counts disagree; rebuild it")
    if pair_counts is not None and len(pair_counts) != len(pairs):
        raise DataFileError(f"collocation table {path}: pairs and pair counts disagree; rebuild it")
    successors, predecessors = commonest_neighbours(pairs, pair_counts, len(counts))
    return CollocationTable({w: i + 1 for i, w in enumerate(words)}, counts, pairs, total, pair_counts,
                            successors, predecessors, hash_pairs(pairs))


def _slot_of(keys: np.ndarray, bits: int) -> np.ndarray:
    return ((keys.astype(np.uint64) * np.uint64(0x9E3779B1)) & np.uint64(0xFFFFFFFF)) >> np.uint64(32 - bits)


def hash_pairs(pairs: np.ndarray) -> np.ndarray:
    """An open-addressing hash table (linear probing, at most a quarter full) of the pair keys: a lookup
    reads one or two slots where a binary search of the sorted keys reads twenty."""
    bits = max(4, int(np.ceil(np.log2(max(len(pairs), 1) * 4))))
    hashed = np.zeros(1 << bits, dtype=np.int32)
    pending = np.arange(len(pairs))
    slots = _slot_of(pairs, bits).astype(np.int64)
    while len(pending):
        free = hashed[slots] == 0
        # of the keys that want one free slot, the first takes it; the rest probe the next slot
        wanted, first = np.unique(slots[free], return_index=True)
        taken = np.flatnonzero(free)[first]
        hashed[wanted] = pending[taken] + 1
        left = np.ones(len(pending), dtype=bool)
        left[taken] = False
        pending, slots = pending[left], (slots[left] + 1) & ((1 << bits) - 1)
    return hashed


def find_pairs(pairs: np.ndarray, hashed: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Each key's position in `pairs`, -1 where it is not there."""
    mask = len(hashed) - 1
    slots = _slot_of(np.asarray(keys, dtype=np.uint32), mask.bit_length()).astype(np.int64)
    out = np.full(len(slots), -1, dtype=np.int64)
    pending = np.arange(len(slots))
    while len(pending):
        at = hashed[slots] - 1
        hit = at >= 0
        match = hit.copy()
        match[hit] = pairs[at[hit]] == keys[pending[hit]]
        out[pending[match]] = at[match]
        go_on = hit & ~match
        pending, slots = pending[go_on], (slots[go_on] + 1) & mask
    return out


def commonest_neighbours(pairs: np.ndarray, pair_counts: np.ndarray | None, n_ids: int,
                         k: int = SLOT_K) -> tuple[np.ndarray, np.ndarray]:
    """For each word id, the ids of the k words most often met after it and before it (0-padded)."""
    weights = pair_counts if pair_counts is not None else np.full(len(pairs), 2)
    out = []
    for own, other in ((pairs >> 16, pairs & 0xFFFF), (pairs & 0xFFFF, pairs >> 16)):
        order = np.lexsort((-weights.astype(np.int64), own))
        own_sorted = own[order].astype(np.int64)
        first = np.searchsorted(own_sorted, own_sorted, side="left")
        rank = np.arange(len(order)) - first
        keep = rank < k
        table = np.zeros((n_ids, k), dtype=np.uint16)
        table[own_sorted[keep], rank[keep]] = other[order][keep]
        out.append(table)
    return out[0], out[1]


def words_of(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) for each word of `text`."""
    return [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in WORD.finditer(text)]


def adjacent(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    gap = text[left[1]:right[0]]
    return gap == " " or bool(_GAP.fullmatch(gap))


@dataclass(frozen=True, slots=True)
class PairStats:
    """Counts for one document. Pairs are two adjacent words of the table, lower-case or capitalised in a
    line of mostly lower-case words (`_judged`); the word rates count lower-case words only (a new name is
    a rare word in any honest text)."""

    words: int  # lower-case words
    pairs: int  # pairs of two table words
    unseen: int  # of them not seen (twice) in the table's corpus
    sandwiched: int  # words with an unseen pair on each side: the mark of a word swapped in without regard to context
    counts: tuple[tuple[int, int], ...]  # (hits, out of) for each of RATE_NAMES
    phrases: tuple[str, ...]  # the unseen pairs as written, runs merged, sandwiched words first

    def features(self, clean: list[float]) -> list[float]:
        """Each rate shrunk towards its clean rate (short documents say little), as log-odds above it."""
        out = [_logit((k + PRIOR * p) / (n + PRIOR)) - _logit(p) for (k, n), p in zip(self.counts, clean, strict=True)]
        return [*out, math.log1p(self.pairs) / 5.0]

    def rates(self) -> tuple[tuple[int, int], ...]:
        return self.counts


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _judged(text: str, found: list[tuple[int, int, str]], lower: list[bool]) -> list[bool]:
    """Which words are paired: every lower-case word, and a capitalised one ("Chief Biden" written for
    "President Biden") unless its line is mostly capitalised (a headline, a menu, a byline), where words
    are capitalised for the line's sake and their pairs say nothing of sense. A capitalised word outside
    the table makes no pair; a new name that is in it makes pairs chance would seldom give, which the
    expected-count bins weigh as little evidence."""
    out = list(lower)
    first = 0
    while first < len(found):
        line_end = text.find("\n", found[first][0])
        last = first
        while last < len(found) and (line_end < 0 or found[last][0] < line_end):
            last += 1
        if sum(lower[first:last]) * 2 > last - first:  # most of the line's words are lower-case
            out[first:last] = [True] * (last - first)
        first = last
    return out


def pair_stats(text: str, table: CollocationTable | None = None) -> PairStats:
    table = table or load_table()
    found = words_of(text)
    ids = table.ids
    counts = table.counts
    lower = [text[start].islower() for start, _, _ in found]
    judged = _judged(text, found, lower)
    word_ids = [ids.get(w, 0) if ok else 0 for (_, _, w), ok in zip(found, judged, strict=True)]
    words = sum(lower)
    rare = sum(1 for wid, low in zip(word_ids, lower, strict=True) if low and counts[wid] < RARE_COUNT)
    outside = sum(1 for wid, low in zip(word_ids, lower, strict=True) if low and not wid)
    keys: list[int] = []
    where: list[int] = []
    for i in range(len(found) - 1):
        a, b = word_ids[i], word_ids[i + 1]
        if a and b and adjacent(text, found[i], found[i + 1]):
            keys.append((a << 16) | b)
            where.append(i)
    word_rates = ((rare, words), (outside, words))
    if not keys:
        empty = tuple((0, 0) for _ in range(len(EXPECTED_EDGES) + 4))
        return PairStats(words, 0, 0, 0, (*empty, *word_rates, *((0, 0) for _ in SLOT_GAPS)), ())
    key_array = np.array(keys, dtype=np.uint32)
    met = table.pair_count(key_array)
    unseen = met == 0
    expected = counts[key_array >> 16].astype(np.float64) * counts[key_array & 0xFFFF] / max(table.total, 1)
    # a weak collocation: a swap into a pair that news does use, but no more than chance would have it
    judged = expected >= WEAK_EXPECTED
    weak = ((int((judged & (met < expected)).sum()), int(judged.sum())),
            (int((judged & (met < 4 * expected)).sum()), int(judged.sum())))
    bins = np.searchsorted(np.array(EXPECTED_EDGES), expected, side="right")
    binned = tuple((int((unseen & (bins == k)).sum()), int((bins == k).sum())) for k in range(len(EXPECTED_EDGES) + 1))
    considered = set(where)
    unseen_at = [where[j] for j in np.flatnonzero(unseen)]
    unseen_set = set(unseen_at)
    slots = [i + 1 for i in where if i + 1 in considered]
    middles = len(slots)
    sandwiched = {i + 1 for i in unseen_at if i + 1 in unseen_set}
    gaps = slot_gaps(table, *(np.array([word_ids[i + d] for i in slots], dtype=np.int64) for d in (-1, 0, 1)))
    slot_rates = tuple((int((gaps > g).sum()), middles) for g in SLOT_GAPS)
    return PairStats(words, len(keys), len(unseen_at), len(sandwiched),
                     (*binned, (len(sandwiched), middles), *weak, *word_rates, *slot_rates),
                     _phrases(text, found, unseen_at, sandwiched, _odd_slots(slots, gaps)))


def _odd_slots(slots: list[int], gaps: np.ndarray) -> list[int]:
    """The slots (middle word positions) that another word fills far better, worst first."""
    order = np.argsort(-gaps, kind="stable")
    return [slots[j] for j in order if gaps[j] > SLOT_EVIDENCE_GAP]


def slot_gaps(table: CollocationTable, left: np.ndarray, middle: np.ndarray, right: np.ndarray) -> np.ndarray:
    """For each slot (word ids `left middle right`), how much better the best other word fits between
    `left` and `right` than `middle` does (natural log; below 0 when `middle` fits best)."""
    if not len(middle):
        return np.zeros(0)
    # the same slot recurs ("of the", "in the"): judge each distinct one once
    triples, back = np.unique((left << 32) | (middle << 16) | right, return_inverse=True)
    left, middle, right = triples >> 32, (triples >> 16) & 0xFFFF, triples & 0xFFFF
    successors, predecessors = table.successors, table.predecessors
    if successors is None or predecessors is None:
        successors, predecessors = commonest_neighbours(table.pairs, table.pair_counts, len(table.counts))
    others = np.concatenate([successors[left], predecessors[right]], axis=1).astype(np.int64)
    every = np.concatenate([others, middle[:, None]], axis=1)
    keys = np.concatenate([((left[:, None] << 16) | every).ravel(), ((every << 16) | right[:, None]).ravel()])
    met = table.pair_count(keys.astype(np.uint32)).reshape(2, *every.shape)
    before, after = met[0], met[1]
    fit = np.log(before + 0.5) + np.log(after + 0.5) - np.log(table.counts[every] + RARE_COUNT)
    own = fit[:, -1]
    fit = fit[:, :-1]
    fit[(others == 0) | (others == middle[:, None])] = -np.inf
    return (fit.max(axis=1) - own)[back.ravel()]


MAX_PHRASES = 30


def _phrases(text: str, found: list[tuple[int, int, str]], unseen_at: list[int], sandwiched: set[int],
             odd_slots: Sequence[int] = ()) -> tuple[str, ...]:
    """Unseen pairs as written; pairs that share a word become one phrase; phrases around a sandwiched
    word come first (they are the likeliest swaps), then the three words around each odd slot (a word
    another fills far better, though both its pairs are seen) outside those phrases, then the other
    unseen pairs, each phrase once."""
    runs: list[tuple[int, int]] = []
    run_start = run_end = -2
    for i in unseen_at:
        if i == run_end:  # this pair starts where the last one ended
            run_end = i + 1
            continue
        if run_start >= 0:
            runs.append((run_start, run_end))
        run_start, run_end = i, i + 1
    if run_start >= 0:
        runs.append((run_start, run_end))
    runs.sort(key=lambda run: not any(run[0] < i < run[1] for i in sandwiched))
    first = [run for run in runs if any(run[0] < i < run[1] for i in sandwiched)]
    covered = {i for start, end in runs for i in range(start, end + 1)}
    slots = [(i - 1, i + 1) for i in odd_slots if i not in covered]
    phrases: dict[str, None] = {}
    for start, end in [*first, *slots, *runs[len(first):]]:
        phrases.setdefault(" ".join(text[found[start][0]:found[end][1]].split()))
    return tuple(phrases)[:MAX_PHRASES]
