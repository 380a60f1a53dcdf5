"""Train the pair model (events/cooccur.py, rule cooccur.pair_model) on our own labels; write
events/data/pair_model.npz and its card events/data/pair_model.md.

    .venv/bin/python training/train_pair_model.py [--seed 13] [--check] [--cache FILE]

Data: the labels of training/labels/ (real text of ../shared/corpora, labelled by the real-news codebook; see
train_act_model.py). Each labelled document is coded as at run time with the pair model off; every ordered pair
of states one sentence of a labelled unit names is a candidate, with what the rules made of it there among its
features (`--unjoined-only`: only the pairs no rule event of the sentence joins; on 2026-12-06 that scored F1
0.444 on the held-out fifth, every pair 0.467). Its label is the PLOVER type the unit's labels give that ordered
pair (a meeting, deal or joint act either way) that the rules' counted acts of the unit lack, or NONE. One
document in five (the act model's held-out fifth, by a hash of its id) is only scored. On the rest, 5-fold
cross-validation grouped by document chooses the regularisation, the embedding's weight and the probability
threshold by the F1 of what the coder counts with the model's pairs added (per unit, (source, target, class) as
the real-news scorer counts); the card gives the CV figure, the held-out one and the rules' figure without the
model. `--cache` keeps the coded candidates in a file so a second run only fits.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from train_act_model import LABELS, is_heldout, load_labels, load_texts  # noqa: E402

DATA = ROOT / "src" / "multipolar" / "events" / "data"
C_GRID = (0.01, 0.03, 0.1)
EMBEDDING_WEIGHTS = (0.5, 1.0)
THRESHOLDS = np.round(np.arange(0.2, 0.96, 0.05), 2)


def extract(units: list[dict], texts: dict) -> dict:
    """Candidates, their features, sentence texts and labels; the rules' counted acts per unit."""
    from multipolar.actors.issuer import issuer_of
    from multipolar.events import cooccur
    from multipolar.events.coder import EventCoder
    from multipolar.events.model import NO_ACT, SYMMETRIC, act_key, is_scored
    from multipolar.settings import Settings

    settings = Settings(event_pair_model=False)
    counted = settings.event_min_probability  # what relations and the real-news scorer count of the coder's acts
    coder = EventCoder(settings)
    by_doc: dict[tuple[str, str], list[dict]] = {}
    for u in units:
        by_doc.setdefault((u["corpus"], u["doc_id"]), []).append(u)
    idents = sorted(by_doc)
    out: dict = {"features": [], "sentences": [], "units": [], "docs": [], "pairs": [], "labels": [], "joined": [],
                 "rule_keys": {}, "gold": {}}
    start = time.perf_counter()
    for n, (ident, doc) in enumerate(zip(idents, coder.pipeline.parse(texts[i]["text"] for i in idents), strict=True), 1):
        rec = texts[ident]
        raw = rec.get("published") or rec.get("date")
        pub = date.fromisoformat(raw[:10]) if raw else None
        issuer = issuer_of(url=rec.get("url"), outlet=rec.get("outlet"))
        matches = coder.resolver.resolve(doc, on=pub)
        events = coder.code_doc(doc, doc_id=ident[1], published=pub, matches=matches, issuer=issuer)
        actors = coder.actors_of(doc, published=pub, matches=matches, issuer=issuer)
        found = cooccur.candidates(doc, actors, cooccur.joined_pairs(events, coder.trace.dropped),
                                   triggers=coder.triggers, every_pair=True)
        sents = list(doc.sents)
        for u in by_doc[ident]:
            gold = u["events"]
            out["gold"][u["key"]] = {act_key(e["source"], e["target"], e["plover"]) for e in gold}
            out["rule_keys"][u["key"]] = {
                act_key(e.source, e.target or "", e.plover, e.quad) for e in events
                if u["start"] <= e.span[0] < u["end"] and e.confidence >= counted
                and is_scored(e.source, e.target, negated=e.negated, modality=e.modality)}
            for c in found:
                if not (u["start"] <= sents[c.sentence].start_char < u["end"]):
                    continue
                a, b = c.source.mention.country, c.target.mention.country
                # a labelled act of the pair that the rules' counted acts of the unit lack
                kinds = [e["plover"].upper() for e in gold
                         if ((e["source"], e["target"]) == (a, b)
                             or (e["plover"].upper() in SYMMETRIC and (e["target"], e["source"]) == (a, b)))
                         and act_key(a, b, e["plover"]) not in out["rule_keys"][u["key"]]]
                out["features"].append(c.features)
                out["sentences"].append(sents[c.sentence].text)
                out["units"].append(u["key"])
                out["docs"].append(ident[1])
                out["pairs"].append((a, b))
                out["joined"].append(c.joined)
                out["labels"].append(kinds[0] if kinds else NO_ACT)
        if n % 200 == 0:
            print(f"  coded {n}/{len(idents)} documents, {len(out['labels'])} candidates "
                  f"({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)
    return out


def unit_f1(data: dict, keys_of_units: set[str], picked: dict[str, set]) -> dict:
    tp = fp = fn = 0
    for key in keys_of_units:
        gold = data["gold"][key]
        got = data["rule_keys"][key] | picked.get(key, set())
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "tp": tp, "fp": fp, "fn": fn}


def picks(data: dict, idx: np.ndarray, probs: np.ndarray, classes: list[str], threshold: float) -> dict[str, set]:
    from multipolar.events.cooccur import read
    from multipolar.events.model import act_key

    out: dict[str, set] = {}
    for i, (p, kind) in zip(idx, read(probs, classes), strict=True):
        if p >= threshold:
            a, b = data["pairs"][i]
            out.setdefault(data["units"][i], set()).add(act_key(a, b, kind))
    return out


def fit(x: np.ndarray, y: np.ndarray, c: float, weight: float, seed: int):
    from sklearn.linear_model import LogisticRegression

    from multipolar.events.cooccur import PairModel
    from multipolar.events.features import EMBEDDING_DIMENSIONS

    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    scale = std.copy()
    scale[:EMBEDDING_DIMENSIONS] /= weight
    clf = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    clf.fit((x - mean) / scale, y)
    return PairModel(list(clf.classes_), clf.coef_, clf.intercept_, mean, scale, threshold=0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--check", action="store_true", help="train and report; write nothing")
    parser.add_argument("--cache", type=Path, help="keep the coded candidates here; reuse them when present")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--jobs", type=int, default=2, help="folds fitted at once (default 2)")
    parser.add_argument("--unjoined-only", dest="every_pair", action="store_false",
                        help="train only on the pairs no rule event joins (default: every pair, with what the rules "
                             "made of it)")
    args = parser.parse_args()
    from joblib import Parallel, delayed

    from multipolar.embeddings import Embedder
    from multipolar.events.cooccur import MODEL_FILE
    from multipolar.events.model import SENTENCE_TOKENS

    units = load_labels(args.labels)
    if args.cache and args.cache.exists():
        data = pickle.loads(args.cache.read_bytes())
    else:
        data = extract(units, load_texts(units))
        texts = sorted(set(data["sentences"]))
        slot = {t: i for i, t in enumerate(texts)}
        emb = Embedder(threads=2, max_tokens=SENTENCE_TOKENS).embed(texts, max_tokens=SENTENCE_TOKENS)
        data["x"] = np.hstack([emb[[slot[t] for t in data["sentences"]]], np.vstack(data["features"])])
        if args.cache:
            args.cache.write_bytes(pickle.dumps(data))
    x, y = data["x"], np.array(data["labels"])
    docs = np.array(data["docs"])
    # the pairs the model is for: every pair, or those no rule event joins (the others are never proposed)
    used = np.ones(len(y), dtype=bool) if args.every_pair else ~np.array(data["joined"], dtype=bool)
    held = np.array([is_heldout(d) for d in docs])
    unit_doc = {u["key"]: u["doc_id"] for u in units}
    train_units = {k for k in data["gold"] if not is_heldout(unit_doc[k])}
    held_units = set(data["gold"]) - train_units
    print(f"{int(used.sum())} candidates ({int((y[used] != 'NONE').sum())} with a labelled act), {len(train_units)} training "
          f"units, {len(held_units)} held out", file=sys.stderr)
    rng = np.random.default_rng(args.seed)
    train_docs = sorted(set(docs[~held]))
    fold_of_doc = dict(zip(train_docs, rng.permutation(len(train_docs)) % 5, strict=True))
    fold = np.array([fold_of_doc.get(d, -1) for d in docs])
    units_in_fold = [{k for k in train_units if fold_of_doc.get(unit_doc[k], -1) == f} for f in range(5)]
    best = None
    grid = []
    for weight in EMBEDDING_WEIGHTS:
        for c in C_GRID:
            pooled: dict[float, dict[str, set]] = {t: {} for t in THRESHOLDS}
            splits = [(np.flatnonzero((fold != f) & ~held & used), np.flatnonzero((fold == f) & used)) for f in range(5)]
            models = Parallel(n_jobs=args.jobs)(delayed(fit)(x[tr], y[tr], c, weight, args.seed) for tr, _ in splits)
            for model, (_, te) in zip(models, splits, strict=True):
                probs = model.predict_proba(x[te])
                for t in THRESHOLDS:
                    pooled[t].update(picks(data, te, probs, list(model.classes), t))
            for t in THRESHOLDS:
                score = unit_f1(data, set().union(*units_in_fold), pooled[t])
                grid.append({"C": c, "embedding_weight": weight, "threshold": float(t), **score})
                if best is None or score["f1"] > best["f1"]:
                    best = grid[-1]
            print(f"  C={c} w={weight}: best F1 here "
                  f"{max(g['f1'] for g in grid if g['C'] == c and g['embedding_weight'] == weight)}", file=sys.stderr)
    rules_cv = unit_f1(data, set().union(*units_in_fold), {})
    model = fit(x[~held & used], y[~held & used], best["C"], best["embedding_weight"], args.seed)
    model.threshold = best["threshold"]
    model.every_pair = args.every_pair
    held_idx = np.flatnonzero(held & used)
    held_score = unit_f1(data, held_units, picks(data, held_idx, model.predict_proba(x[held_idx]),
                                                    list(model.classes), model.threshold))
    rules_held = unit_f1(data, held_units, {})
    card = {"trained": date.today().isoformat(), "seed": args.seed, "every_pair": args.every_pair,
            "candidates": int(used.sum()), "positive": int((y[used] != "NONE").sum()), "C": best["C"], "embedding_weight": best["embedding_weight"],
            "threshold": best["threshold"], "cv_rules": rules_cv,
            "cv_with_pairs": {k: best[k] for k in rules_cv},
            "heldout_rules": rules_held, "heldout_with_pairs": held_score}
    print(card, file=sys.stderr)
    if args.check:
        return
    # the shipped model is fitted on every document outside the held-out fifth
    model.card = card
    model.save(MODEL_FILE)
    (DATA / "pair_model.md").write_text(data_card(card, list(model.classes)), encoding="utf-8")
    print(f"wrote {MODEL_FILE}", file=sys.stderr)


def data_card(card: dict, classes: list[str]) -> str:
    def row(name: str, s: dict) -> str:
        return f"| {name} | {s['precision']} | {s['recall']} | {s['f1']} | {s['tp']} / {s['fp']} / {s['fn']} |"

    return "\n".join([
        "# The pair model: data card", "",
        "Made by `make train` (`training/train_pair_model.py`); do not edit by hand.", "",
        "**What it does.** Rule `cooccur.pair_model` (events/cooccur.py): for each ordered pair of states one "
        + ("sentence names (with what the rules made of the pair there among its features)" if card.get("every_pair")
           else "sentence names and no rule event joins")
        + ", a probability for each PLOVER type and for no act (NONE); the pair becomes an act of the likeliest "
        f"type when its class's probability reaches {card['threshold']} and no counted rule event of the sentence "
        "is that act already.", "",
        "**Off by default** (setting `event_pair_model`): with the pairs added, the coder's precision falls on our "
        "held-out labels (below) and on every real-news set (docs/measurements.md); turn it on where recall matters "
        "more than precision.", "",
        f"**Classes.** {', '.join(classes)}.", "",
        f"**Model.** Multinomial logistic regression, C={card['C']}, over the sentence's MiniLM embedding (384, "
        f"weight {card['embedding_weight']} after standardisation) and the pair's features "
        f"(`cooccur.LAYOUT`); plain numpy coefficients; seed {card['seed']}; trained {card['trained']}.", "",
        f"**Data.** Our own labels (`training/labels/`, ids and annotations only) of real text from "
        f"../shared/corpora: {card['candidates']} candidate pairs, {card['positive']} with a labelled act the rules' "
        "counted acts of its unit lack. Nothing "
        "from ../shared/eval or the seeds. The act model's held-out fifth of documents is never trained on.", "",
        "**Choice.** C, the embedding weight and the threshold by the F1 of what the coder counts with the "
        "model's pairs added, in 5-fold cross-validation grouped by document.", "",
        "**Scores** (per unit, (source, target, class) as the real-news scorer counts; the coder's counted acts "
        "with and without the model's pairs):", "",
        "| set | precision | recall | F1 | tp / fp / fn |", "|---|---|---|---|---|",
        row("CV, rules and act model", card["cv_rules"]), row("CV, with the pairs", card["cv_with_pairs"]),
        row("held out, rules and act model", card["heldout_rules"]),
        row("held out, with the pairs", card["heldout_with_pairs"]), "",
    ])


if __name__ == "__main__":
    main()
