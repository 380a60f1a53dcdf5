"""Build the collocation table and fit the spun detector's weights (reproducible: fixed seeds, fixed splits).

    PYTHONPATH=src .venv/bin/python benchmarks/fit_spun.py table   # data/collocations.npz from the `table` split
    PYTHONPATH=src .venv/bin/python benchmarks/fit_spun.py fit     # data/spun_model.json from the `fit` split
    PYTHONPATH=src .venv/bin/python benchmarks/fit_spun.py prior   # the shrinkage prior by cross-validation (prints)

`table` counts words and adjacent word pairs over the `table` split (70 %) of ../shared/corpora
(White House briefings and world-news feed digests) and keeps derived counts only: the 65,535
commonest words with their counts, and the keys of the pairs seen at least twice with their counts
(capped at 65,535).
`fit` makes spun copies of `fit`-split documents with every spinner of `make_spinners`, fits a
logistic regression of spun vs clean on the detector's features (seeded; clean side: the split's
briefings and its feed items in documents of NEWS_ITEMS items), and sets the threshold so that a share
of the clean `fit` documents is flagged, that share chosen by cross-validation (`choose_flag_rate`:
clean folds and spinner families held out, cross-validated clean share flagged at most CV_CLEAN_CEILING). The `test` split is never used
here; `benchmarks/bench_spun.py` measures on it (and refits per held-out spinner family).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from multipolar.clean.collocations import (
    N_FEATURES,
    N_RATES,
    RATE_NAMES,
    TABLE_FILE,
    WORD,
    PairStats,
    adjacent,
    load_table,
    pair_stats,
)
from multipolar.clean.quality import MODEL_FILE
from multipolar.clean.spinners import (
    Spinner,
    content_words,
    corpus_neighbours,
    embedding_neighbours,
    list_spinner,
    rss_digests,
    wh_documents,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = 13
MIN_WORDS = 80  # shorter documents are too short to judge either way and are left out of fitting
# the threshold flags this share of the clean documents it was fitted on: the largest of these whose
# cross-validated share of clean documents flagged (clean folds and spinner families held out) is at most
# CV_CLEAN_CEILING (issue 13 asks for 0.02 on other clean news; the margin is for news unlike the corpus)
FLAG_RATES = (0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02)
CV_CLEAN_CEILING = 0.015
CLEAN_FOLDS = 5
NEWS_ITEMS = 10  # feed items per clean news document on the clean side of the fit (more, shorter news documents)
PER_SPINNER = 400


def build_table(out: Path = TABLE_FILE) -> None:
    documents = [text for _, text in wh_documents(SHARED, "table")] + [text for _, text in rss_digests(SHARED, "table")]
    unigrams: Counter[str] = Counter()
    for text in documents:
        unigrams.update(m.group(0).lower().replace("’", "'") for m in WORD.finditer(text))
    words = [w for w, n in unigrams.most_common(65535) if n >= 3]
    ids = {w: i + 1 for i, w in enumerate(words)}
    keys: list[np.ndarray] = []
    for text in documents:
        found = [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in WORD.finditer(text)]
        pair_keys = [(ids[a[2]] << 16) | ids[b[2]] for a, b in zip(found, found[1:], strict=False)
                     if a[2] in ids and b[2] in ids and adjacent(text, a, b)]
        keys.append(np.array(pair_keys, dtype=np.uint32))
    every = np.concatenate(keys)
    values, counts = np.unique(every, return_counts=True)
    pairs = values[counts >= 2]
    pair_counts = np.minimum(counts[counts >= 2], 65535).astype(np.uint16)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, words=np.array(words), counts=np.array([unigrams[w] for w in words], dtype=np.int64),
                        pairs=pairs, pair_counts=pair_counts, total=np.int64(sum(unigrams.values())))
    print(f"{len(documents)} documents, {sum(unigrams.values()):,} words; kept {len(words):,} words and "
          f"{len(pairs):,} pairs (of {len(values):,}) -> {out} ({out.stat().st_size / 1e6:.1f} MB)")


def make_spinners() -> list[Spinner]:
    """Three synonym sources, each at three rates; the list source by words and once by phrases.

    Rates are shares of the words (phrases) that a spinner has a synonym for; seed 003 looks like a
    spinner at about 0.6 by this measure (its unseen-pair rate), so 0.3 is a light touch and 0.15 a
    lighter one (the `list` source has synonyms for few words, so its 0.4 is lighter still).
    """
    table = load_table()
    embed = embedding_neighbours(content_words(table))
    corpus = corpus_neighbours(table)
    return [
        list_spinner("list-words-0.9", 0.9, phrases=False),
        list_spinner("list-phrases-0.7", 0.7, phrases=True),
        list_spinner("list-words-0.4", 0.4, phrases=False),
        Spinner("embed-0.5", "embed", 0.5, embed),
        Spinner("embed-0.3", "embed", 0.3, embed),
        Spinner("embed-0.15", "embed", 0.15, embed),
        Spinner("corpus-0.5", "corpus", 0.5, corpus),
        Spinner("corpus-0.3", "corpus", 0.3, corpus),
        Spinner("corpus-0.15", "corpus", 0.15, corpus),
    ]


def split_texts(split: str, limit: int | None = None) -> list[str]:
    """Documents of one split long enough to judge: White House briefings (up to `limit`), then feed digests."""
    wh = [t for _, t in wh_documents(SHARED, split) if len(t.split()) >= MIN_WORDS][:limit]
    return wh + [t for _, t in rss_digests(SHARED, split) if len(t.split()) >= MIN_WORDS]


def clean_fit_texts(split: str, limit: int | None = None) -> list[str]:
    """The clean side of the fit: the split's White House briefings (up to `limit`) and its feed items in
    documents of NEWS_ITEMS items (news written unlike the briefings, in more documents than the digests)."""
    wh = [t for _, t in wh_documents(SHARED, split) if len(t.split()) >= MIN_WORDS][:limit]
    return wh + [t for _, t in rss_digests(SHARED, split, items_per_document=NEWS_ITEMS) if len(t.split()) >= MIN_WORDS]


def spun_stats(spinners: list[Spinner], texts: list[str], per_spinner: int, seed: int) -> dict[str, list[PairStats]]:
    """Stats of spun copies: each spinner spins its own random sample of `texts`."""
    rng = np.random.default_rng(seed)
    out: dict[str, list[PairStats]] = {}
    for number, spinner in enumerate(spinners):
        chosen = rng.choice(len(texts), size=min(per_spinner, len(texts)), replace=False)
        out[spinner.name] = [pair_stats(spinner.spin(texts[i], seed * 1_000_003 + number * 100_003 + int(i))[0])
                             for i in chosen]
    return out


def clean_rates(stats: list[PairStats]) -> list[float]:
    """The pooled clean rate of each counted rate (RATE_NAMES)."""
    rates = []
    for j in range(N_RATES):
        hits = sum(s.rates()[j][0] for s in stats)
        total = sum(s.rates()[j][1] for s in stats)
        rates.append(round(hits / max(total, 1), 6))
    return rates


def fit_model(clean: list[PairStats], spun: list[PairStats], seed: int, flag_rate: float) -> dict:
    """Logistic regression of spun vs clean, with the intercept moved so that a score of 0.5 flags
    `flag_rate` of the clean documents it was fitted on."""
    from sklearn.linear_model import LogisticRegression

    rates = clean_rates(clean)
    x_clean = np.array([s.features(rates) for s in clean])
    x = np.vstack([x_clean, np.array([s.features(rates) for s in spun])])
    y = np.array([0] * len(clean) + [1] * len(spun))
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000, random_state=seed).fit(x, y)
    weights = model.coef_[0]
    margins = x_clean @ weights + model.intercept_[0]
    cut = float(np.quantile(margins, 1 - flag_rate))
    return {"clean_rates": rates, "weights": [round(float(w), 6) for w in weights],
            "intercept": round(float(model.intercept_[0]) - cut, 6)}


def choose_flag_rate(clean: list[PairStats], spun: dict[str, list[PairStats]], families: dict[str, str],
                     seed: int) -> tuple[float, list[tuple[float, float, float]]]:
    """The largest of FLAG_RATES whose cross-validated clean share flagged is at most CV_CLEAN_CEILING.

    Each spinner family in turn is held out and each of CLEAN_FOLDS folds of the clean documents: the model
    is fitted on the other folds and families and scored on the held-out fold (clean share flagged, pooled
    over folds; the worst family counts) and on the held-out family (spun share flagged, the weakest
    family counts). Returns the rate and, per rate, (rate, clean share flagged, spun share flagged).
    """
    order = np.random.default_rng(seed).permutation(len(clean))
    folds = [set(order[k::CLEAN_FOLDS].tolist()) for k in range(CLEAN_FOLDS)]
    found = []
    for rate in FLAG_RATES:
        clean_flagged, spun_flagged = [], []
        for family in sorted({families[name] for name in spun}):
            train_spun = [s for name, group in spun.items() if families[name] != family for s in group]
            held_spun = [s for name, group in spun.items() if families[name] == family for s in group]
            flagged_clean = flagged_spun = 0
            for fold in folds:
                model = fit_model([c for i, c in enumerate(clean) if i not in fold], train_spun, seed, rate)
                flagged_clean += int((score(model, [clean[i] for i in sorted(fold)]) >= 0.5).sum())
                flagged_spun += int((score(model, held_spun) >= 0.5).sum())
            clean_flagged.append(flagged_clean / len(clean))
            spun_flagged.append(flagged_spun / (len(held_spun) * len(folds)))
        found.append((rate, max(clean_flagged), min(spun_flagged)))
    allowed = [rate for rate, clean_share, _ in found if clean_share <= CV_CLEAN_CEILING]
    return (max(allowed) if allowed else min(FLAG_RATES)), found


def score(model: dict, stats: list[PairStats]) -> np.ndarray:
    x = np.array([s.features(model["clean_rates"]) for s in stats]).reshape(-1, N_FEATURES)
    return 1.0 / (1.0 + np.exp(-(x @ np.array(model["weights"]) + model["intercept"])))


def fit(out: Path = MODEL_FILE) -> None:
    spinners = make_spinners()
    texts = split_texts("fit")
    clean = [pair_stats(t) for t in clean_fit_texts("fit")]
    spun = spun_stats(spinners, texts, PER_SPINNER, SEED)
    rate, found = choose_flag_rate(clean, spun, {s.name: s.family for s in spinners}, SEED)
    for row in found:
        print("flag rate {:.4f}: cross-validated clean flagged {:.4f}, held-out family flagged {:.3f}".format(*row))
    model = fit_model(clean, [s for group in spun.values() for s in group], SEED, rate)
    model["fitted_on"] = {"clean_documents": len(clean), "spun_documents": {k: len(v) for k, v in spun.items()},
                          "seed": SEED, "clean_flag_rate": rate,
                          "cross_validated": [{"flag_rate": r, "clean_flagged": round(c, 4), "held_out_family_flagged": round(f, 4)}
                                              for r, c, f in found],
                          "features": [*RATE_NAMES, "log pairs / 5"]}
    out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}: {json.dumps(model)}")


PRIORS = (10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 640.0, 1280.0, 2560.0, 5120.0)


def choose_prior(per_spinner: int = 250) -> None:
    """Print, for each shrinkage prior (`collocations.PRIOR`), the flag rate `choose_flag_rate` picks and, at it,
    the cross-validated clean share flagged and the weakest held-out family's share flagged. Nothing is written:
    the prior is set by hand in collocations.py (then `fit`). The clean side here is the fit split's briefings and
    10-item feed documents, so this cannot see false positives on long many-topic documents: check a new prior with
    bench_spun.py's whole-day digests and real news before shipping it (collocations.PRIOR says why 40 stays)."""
    from multipolar.clean import collocations

    spinners = make_spinners()
    clean = [pair_stats(t) for t in clean_fit_texts("fit")]
    spun = spun_stats(spinners, split_texts("fit"), per_spinner, SEED)
    shipped = collocations.PRIOR
    try:
        for prior in PRIORS:
            collocations.PRIOR = prior  # read by PairStats.features at each call
            rate, found = choose_flag_rate(clean, spun, {s.name: s.family for s in spinners}, SEED)
            _, clean_share, spun_share = next(row for row in found if row[0] == rate)
            print(f"prior {prior:g}: flag rate {rate}, cross-validated clean flagged {clean_share:.4f}, "
                  f"weakest held-out family flagged {spun_share:.3f}", flush=True)
    finally:
        collocations.PRIOR = shipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["table", "fit", "prior"])
    args = parser.parse_args()
    if not (SHARED / "corpora" / "wh_briefings.jsonl.gz").is_file():
        sys.exit("fit_spun: ../shared/corpora/wh_briefings.jsonl.gz is needed")
    {"table": build_table, "fit": fit, "prior": choose_prior}[args.step]()


if __name__ == "__main__":
    main()
