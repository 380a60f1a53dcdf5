"""Near-duplicate documents: MinHash/LSH over word shingles, plus containment for rewrites.

Two documents are near duplicates when either
- the Jaccard similarity of their word-shingle sets (estimated by MinHash, candidates from LSH) is at
  least `threshold` (reposts, the same release with a changed header), or
- most of the shorter one's shingles occur in the longer one (`containment`, estimated on a fixed
  1-in-`sample` subset of shingle hashes held in an inverted index) and the two are of comparable
  length (`min_length_ratio`): a rewrite that keeps most of the text, with paragraphs added or cut.

The later copy points to the earliest one (`near_duplicate_of`): later by `published`, and by the
order of `add` among equal or missing dates. The index lives in memory, and each `add` costs one
MinHash and a few dictionary look-ups. What it keeps of a document (`Signature`: the MinHash, its LSH
band keys, its shingle samples) can be stored and `load`ed back, so that new documents are compared
with the stored ones that can match them (those sharing a band key or a sample) without re-hashing
any stored text: the result is the same as adding every document again in the same order.

    index = NearDuplicateIndex(threshold=0.5, num_perm=128)
    index.add("a", text_a, date(2025, 1, 21))   # None: nothing earlier
    index.add("b", text_b, date(2025, 1, 22))   # "a" when b copies a
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

_PUNCTUATION = str.maketrans(
    {c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0"}
)
# the same mapping in two fast parts: a byte table for the ASCII punctuation (UTF-8 continuation
# bytes are all >= 0x80, so translating the encoded text byte by byte touches nothing else) and
# `str.replace` for the few non-ASCII marks; `str.translate` with a dict is several times slower
_ASCII_PUNCTUATION = bytes(32 if (k < 128 and k in _PUNCTUATION) else k for k in range(256))
_OTHER_PUNCTUATION = tuple(chr(k) for k in _PUNCTUATION if k >= 128)
_MULTIPLIERS = np.array(
    [0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1, 0xD3A2646C], dtype=np.uint64
)


def _words(text: str) -> list[str]:
    """`text.lower().translate(_PUNCTUATION).split()`, computed faster."""
    lowered = text.lower()
    if not lowered.isascii():
        for mark in _OTHER_PUNCTUATION:
            if mark in lowered:
                lowered = lowered.replace(mark, " ")
    raw = lowered.encode("utf-8", "surrogatepass").translate(_ASCII_PUNCTUATION)
    return raw.decode("utf-8", "surrogatepass").split()


def shingle_hashes(text: str, size: int = 4, *, cache: dict[str, int] | None = None) -> np.ndarray:
    """The distinct 32-bit hashes of the lower-cased word `size`-grams of `text` (stable across runs)."""
    words = _words(text)
    if not words:
        return np.zeros(0, dtype=np.uint32)
    lookup = cache if cache is not None else {}
    missing = set(words).difference(lookup)
    if missing:
        if cache is not None and len(lookup) > 2_000_000:
            lookup.clear()
        lookup.update({word: zlib.crc32(word.encode("utf-8")) for word in missing})
    ids = np.fromiter(map(lookup.__getitem__, words), dtype=np.uint64, count=len(words))
    k = min(size, len(words))
    n = len(words) - k + 1
    combined = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        combined += ids[j : j + n] * _MULTIPLIERS[j % len(_MULTIPLIERS)]
    combined ^= combined >> np.uint64(33)
    combined *= np.uint64(0xFF51AFD7ED558CCD)
    combined ^= combined >> np.uint64(33)
    return np.unique((combined >> np.uint64(32)).astype(np.uint32))


_MINHASH_BLOCK = 8192  # shingle hashes per block of the MinHash: 128 x 8192 uint32 = 4 MiB at a time


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """Why `doc_id` was found to copy `original`: the estimated Jaccard and containment."""

    doc_id: str
    original: str
    jaccard: float
    containment: float


@dataclass(frozen=True, slots=True)
class Signature:
    """What the index keeps of one document: its MinHash values, how many shingle samples it has, and
    its shingle samples (`hashed`: whether it had any words; one without is in no LSH band)."""

    hashvalues: np.ndarray
    samples: np.ndarray
    hashed: bool

    @property
    def n_samples(self) -> int:
        return int(len(self.samples))


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """A document already indexed, as stored: its add order, publication day, MinHash values, sample
    count, whether to put it in the LSH bands (`hashed`: it is in them in the stored index and it shares
    a band key with a document about to be added; no other can be an LSH candidate of those), and the
    earliest document it copies."""

    doc_id: str
    order: int
    published: date | None
    hashvalues: np.ndarray
    n_samples: int
    hashed: bool
    original: str | None


@dataclass(slots=True)
class _Entry:
    order: int
    published: date | None
    minhash: LeanMinHash
    n_samples: int
    original: str | None  # the earliest document this one copies


class NearDuplicateIndex:
    """Incremental near-duplicate detection; `add` returns the earlier document a new one copies."""

    def __init__(
        self,
        threshold: float = 0.5,
        num_perm: int = 128,
        *,
        shingle_size: int = 4,
        containment: float = 0.8,
        min_length_ratio: float = 0.5,
        sample: int = 16,
        min_samples: int = 8,
        max_postings: int = 50,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"near-duplicate threshold {threshold!r}: expected a number in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.containment = containment
        self.min_length_ratio = min_length_ratio
        self.sample = sample
        self.min_samples = min_samples
        self.max_postings = max_postings
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._entries: dict[str, _Entry] = {}
        self._postings: dict[int, list[str]] = {}
        self._words: dict[str, int] = {}
        generator = np.random.default_rng(1)
        self._a = (generator.integers(1, 2**32, num_perm, dtype=np.uint64) | np.uint64(1)).astype(np.uint32)
        self._b = generator.integers(0, 2**32, num_perm, dtype=np.uint64).astype(np.uint32)
        self.matches: dict[str, DuplicateMatch] = {}
        self._repointed: dict[str, str] = {}
        self._next_order = 0
        self.new_postings: list[tuple[int, str]] = []  # (sample, doc_id) appended by `add` since creation

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def _minhash(self, hashes: np.ndarray) -> LeanMinHash:
        """MinHash signature: for each of `num_perm` affine maps of the (already mixed) 32-bit shingle
        hashes, the least value; vectorised over blocks of `_MINHASH_BLOCK` hashes, so one document costs a
        few array operations and a long one (a 3 MB text: 0.4 M shingles) holds no more than num_perm x a
        block at once (num_perm x all of them took 0.4 GB with its temporaries)."""
        values = np.full(self.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
        for start in range(0, len(hashes), _MINHASH_BLOCK):
            block = hashes[None, start : start + _MINHASH_BLOCK]
            np.minimum(values, (block * self._a[:, None] + self._b[:, None]).min(axis=1), out=values)
        return LeanMinHash(seed=1, hashvalues=values, scheme="affine32")

    def signature(self, text: str) -> Signature:
        """The MinHash and shingle samples of a text (what `add` computes from it)."""
        hashes = shingle_hashes(text, self.shingle_size, cache=self._words)
        minhash = self._minhash(hashes)
        return Signature(minhash.hashvalues, hashes[hashes % np.uint32(self.sample) == 0], bool(len(hashes)))

    def band_keys(self, hashvalues: np.ndarray) -> list[bytes]:
        """One key per LSH band: two documents are LSH candidates when they share a key."""
        return [i.to_bytes(2, "little") + np.ascontiguousarray(hashvalues[start:end], dtype=np.uint64).tobytes()
                for i, (start, end) in enumerate(self._lsh.hashranges)]

    def load(self, entries: list[StoredEntry], postings: dict[int, list[str]]) -> None:
        """Put back stored documents (without their texts) and the full posting lists of some samples;
        the next `add` continues after the highest stored order."""
        for stored in entries:
            if stored.doc_id in self._entries:
                continue
            minhash = LeanMinHash(seed=1, hashvalues=stored.hashvalues, scheme="affine32")
            self._entries[stored.doc_id] = _Entry(stored.order, stored.published, minhash, stored.n_samples,
                                                  stored.original)
            if stored.hashed:
                self._lsh.insert(stored.doc_id, minhash, check_duplication=False)
        for value, doc_ids in postings.items():
            self._postings[value] = list(doc_ids)

    def start_at(self, order: int) -> None:
        """Number the next added document `order` (after the stored ones)."""
        self._next_order = max(self._next_order, order)

    def add(self, doc_id: str, text: str, published: date | None = None) -> str | None:
        """Index one document; return the doc_id of the earliest earlier document it copies, or None.

        When the new document turns out to be earlier than documents already indexed that copy it,
        it returns None and those documents are re-pointed to it: see `take_repointed`.
        """
        if doc_id in self._entries:
            return self._entries[doc_id].original
        return self.add_signature(doc_id, self.signature(text), published)

    def add_signature(self, doc_id: str, signature: Signature, published: date | None = None) -> str | None:
        """`add` with the text's signature already computed."""
        if doc_id in self._entries:
            return self._entries[doc_id].original
        minhash = LeanMinHash(seed=1, hashvalues=signature.hashvalues, scheme="affine32")
        samples = signature.samples
        entry = _Entry(self._next_order, published, minhash, int(len(samples)), None)
        self._next_order += 1

        candidates: dict[str, float] = {}
        if signature.hashed:
            for other in self._lsh.query(minhash):
                candidates[other] = 0.0
        shared: dict[str, int] = {}
        informative: list[int] = []
        for value in samples.tolist():
            posting = self._postings.get(value)
            if posting is None:
                informative.append(value)
                continue
            if len(posting) >= self.max_postings:
                continue
            informative.append(value)
            for other in posting:
                shared[other] = shared.get(other, 0) + 1
        for other, count in shared.items():
            small, large = sorted((entry.n_samples, self._entries[other].n_samples))
            if small < self.min_samples or large == 0 or small / large < self.min_length_ratio:
                continue
            if count / small >= self.containment:
                candidates[other] = count / small
        matches: list[DuplicateMatch] = []
        for other, contained in candidates.items():
            jaccard = float(np.mean(minhash.hashvalues == self._entries[other].minhash.hashvalues))
            if jaccard >= self.threshold or contained >= self.containment:
                matches.append(DuplicateMatch(doc_id, other, jaccard, contained))

        self._entries[doc_id] = entry
        if signature.hashed:
            self._lsh.insert(doc_id, minhash, check_duplication=False)
        for value in informative:
            self._postings.setdefault(value, []).append(doc_id)
            self.new_postings.append((value, doc_id))

        earlier = [m for m in matches if self._is_before(m.original, doc_id)]
        for match in matches:  # copies indexed before this document but published after it
            if match in earlier:
                continue
            record = self._entries[match.original]
            if record.original is None or self._is_before(doc_id, record.original):
                record.original = doc_id
                self._repointed[match.original] = doc_id
        if not earlier:
            return None
        best = earlier[0]
        for match in earlier[1:]:
            if self._is_before(match.original, best.original):
                best = match
        entry.original = best.original
        self.matches[doc_id] = best
        return best.original

    def _is_before(self, a: str, b: str) -> bool:
        ea, eb = self._entries.get(a), self._entries.get(b)
        if ea is None:
            return False
        if eb is None:
            return True
        if ea.published is not None and eb.published is not None and ea.published != eb.published:
            return ea.published < eb.published
        return ea.order < eb.order

    def original_of(self, doc_id: str) -> str | None:
        entry = self._entries.get(doc_id)
        return entry.original if entry else None

    def take_repointed(self) -> dict[str, str]:
        """Documents whose `near_duplicate_of` changed because an earlier copy arrived later; clears it."""
        changed, self._repointed = self._repointed, {}
        return changed
