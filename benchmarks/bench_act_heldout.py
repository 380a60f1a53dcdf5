"""The shipped act model on the held-out fifth of our own labels, with this code's rule candidates.

    .venv/bin/python benchmarks/bench_act_heldout.py [--threshold 0.3] [--set KEY=VALUE] [--training-sample N --seed S]

`make train` reports the held-out figures of the model it trains on the candidates the rules made then
(events/data/act_model.md); when the rules change and the model is not retrained, this prints the same
figures for the rules as they are now: per unit, (source, target, class) as the real-news scorer counts
them, rules alone and with the shipped model at the threshold (its types read as the coder reads them). Only the held-out documents (one in five by
a hash of the id, `training/train_act_model.py: is_heldout`) are coded; nothing is trained or written.
`--training-sample N` codes instead N documents drawn at random (`--seed`) from the other four fifths, the
model's training documents: a check of a rule change on labels the held-out figure should not be spent on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threshold", type=float, default=None, help="default: the setting event_min_probability")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                        help="a setting for the rules, as `multipolar --set` (event_model is always off here)")
    parser.add_argument("--training-sample", type=int, default=0, metavar="N",
                        help="code N training documents drawn at random instead of the held-out fifth")
    parser.add_argument("--seed", type=int, default=99, help="the draw of --training-sample (default 99)")
    parser.add_argument("--errors", action="store_true",
                        help="with --training-sample: list each unit's wrong and missed acts with its text (never "
                             "offered for the held-out fifth, which stays unread; the documents of the seed-7 "
                             "draw of 300, never read either, are left out of the sample)")
    args = parser.parse_args()
    from fit import unit_scores
    from train_act_model import candidates, is_heldout, load_labels, load_texts

    from multipolar.events.coder import EventCoder
    from multipolar.events.model import ActModel
    from multipolar.settings import load_settings

    settings = load_settings(dict(pair.split("=", 1) for pair in args.overrides))
    threshold = settings.event_min_probability if args.threshold is None else args.threshold
    if args.training_sample:
        import random
        units = [u for u in load_labels() if not is_heldout(u["doc_id"])]
        docs = sorted({(u["corpus"], u["doc_id"]) for u in units})
        chosen = set(random.Random(args.seed).sample(docs, min(args.training_sample, len(docs))))
        if args.errors:
            # the draw of 300 with seed 7 is our slice never read while writing rules: never list its text
            chosen -= set(random.Random(7).sample(docs, min(300, len(docs))))
        units = [u for u in units if (u["corpus"], u["doc_id"]) in chosen]
    else:
        units = [u for u in load_labels() if is_heldout(u["doc_id"])]
    if args.errors and not args.training_sample:
        parser.error("--errors lists training units only: add --training-sample N")
    texts = load_texts(units)
    found = candidates(units, texts, EventCoder(settings.with_overrides({"event_model": "false"})))
    mask = np.ones(len(found["events"]), dtype=bool)
    model = ActModel()
    # one call per document, as at run time: the features count the document's other events
    probs = np.zeros(len(found["events"]))
    kinds: list[str] = []
    start = 0
    while start < len(found["events"]):
        end = start
        while end < len(found["events"]) and found["groups"][end] == found["groups"][start]:
            end += 1
        for k, (p, kind) in enumerate(model.readings(found["events"][start:end], n_sentences=found["n_sentences"][start],
                                                     context=found["context"][start]), start):
            probs[k] = p
            kinds.append(kind)
        start = end
    print(f"{'training-sample' if args.training_sample else 'held-out'} units: {len(units)}, candidates: {len(mask)}")
    print("rules only      ", unit_scores(found, np.ones(len(mask)), mask, units, 0.0))
    print(f"with the model, p>={threshold}", unit_scores(found, probs, mask, units, threshold, kinds))
    if args.errors:
        print_errors(found, probs, kinds, units, texts, threshold)


def print_errors(found: dict, probs: np.ndarray, kinds: list[str], units: list[dict], texts: dict,
                 threshold: float) -> None:
    """Each training unit whose counted acts differ from its labels: wrong (+) and missed (-) acts, its text."""
    from fit import read_key

    from multipolar.events.model import act_key, is_scored

    got: dict[str, set] = {}
    for i, e in enumerate(found["events"]):
        if probs[i] >= threshold and is_scored(e.source, e.target, negated=e.negated, modality=e.modality):
            got.setdefault(found["owners"][i]["key"], set()).add(read_key(e, kinds[i]))
    for u in units:
        gold = {act_key(e["source"], e["target"], e["plover"]) for e in u["events"]}
        mine = got.get(u["key"], set())
        if mine == gold or u.get("unsure"):
            continue
        text = texts[(u["corpus"], u["doc_id"])]["text"][u["start"]:u["end"]].replace("\n", " ")
        print(f"{u['key']} +{sorted(mine - gold)} -{sorted(gold - mine)}\n    {text[:400]}")


if __name__ == "__main__":
    main()
