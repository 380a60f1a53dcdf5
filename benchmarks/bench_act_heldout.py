"""The shipped act model on the held-out fifth of our own labels, with this code's rule candidates.

    .venv/bin/python benchmarks/bench_act_heldout.py [--threshold 0.3] [--set KEY=VALUE]

`make train` reports the held-out figures of the model it trains on the candidates the rules made then
(events/data/act_model.md); when the rules change and the model is not retrained, this prints the same
figures for the rules as they are now: per unit, (source, target, class) as the real-news scorer counts
them, rules alone and with the shipped model at the threshold (its types read as the coder reads them). Only the held-out documents (one in five by
a hash of the id, `training/train_act_model.py: is_heldout`) are coded; nothing is trained or written.
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
    args = parser.parse_args()
    from fit import unit_scores
    from train_act_model import candidates, is_heldout, load_labels, load_texts

    from multipolar.events.coder import EventCoder
    from multipolar.events.model import ActModel
    from multipolar.settings import load_settings

    settings = load_settings(dict(pair.split("=", 1) for pair in args.overrides))
    threshold = settings.event_min_probability if args.threshold is None else args.threshold
    units = [u for u in load_labels() if is_heldout(u["doc_id"])]
    found = candidates(units, load_texts(units), EventCoder(settings.with_overrides({"event_model": "false"})))
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
    print(f"held-out units: {len(units)}, candidates: {len(mask)}")
    print("rules only      ", unit_scores(found, np.ones(len(mask)), mask, units, 0.0))
    print(f"with the model, p>={threshold}", unit_scores(found, probs, mask, units, threshold, kinds))


if __name__ == "__main__":
    main()
