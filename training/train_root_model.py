"""Fit the embedding root classifier (events/classifier.py) on the bundled lexicon's examples and ship it.

    .venv/bin/python training/train_root_model.py [--check]

Data: the `example` sentence of every entry in src/multipolar/events/data/lexicon.jsonl (our own sentences)
and its CAMEO root. Nothing else is read. Writes events/data/root_model.npz (coefficients, classes and the
hash of the examples) and its card root_model.md; `--check` only says whether the shipped file matches
the lexicon. Deterministic: lbfgs on fixed inputs, no sampling.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from multipolar.embeddings import Embedder  # noqa: E402
from multipolar.events.classifier import (  # noqa: E402
    MAX_TOKENS,
    MODEL_FILE,
    REGULARISATION_C,
    fit_roots,
    lexicon_digest,
    shipped_model,
    training_pairs,
)
from multipolar.events.lexicon import Lexicon  # noqa: E402
from multipolar.events.ontology import Ontology  # noqa: E402

DATA = ROOT / "src" / "multipolar" / "events"
CARD = """# Root classifier (events/data/root_model.npz)

What: multinomial logistic regression (C = {c}) over the bundled sentence encoder's embeddings
(max {tokens} tokens), proposing a CAMEO root where the trigger lexicon finds none; the coder keeps a
proposal only at `classifier_threshold` or above.

Data: the example sentence of each of the {n} entries of events/data/lexicon.jsonl (our own sentences),
labelled with its entry's root: {roots} roots, {per} examples per root on average. No evaluation data.

Reproduce: `make train` (or `.venv/bin/python training/train_root_model.py`). The file holds the hash of
the examples (sha256 {digest}...); a lexicon that no longer matches it (edited, or the user's own via the
setting `event_lexicon`) is fitted at first use instead, and tests/events/test_root_model.py fails until
the bundled file is refitted.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report whether the shipped model matches")
    args = ap.parse_args()
    lexicon = Lexicon.load(codes=Ontology.load().codes())
    digest = lexicon_digest(lexicon)
    if args.check:
        shipped = shipped_model()
        ok = shipped is not None and shipped.digest == digest
        print("root model matches the lexicon" if ok else "root model is stale: run `make train`")
        sys.exit(0 if ok else 1)
    model = fit_roots(lexicon, Embedder(threads=1, max_tokens=MAX_TOKENS))
    (DATA / MODEL_FILE).write_bytes(model.to_bytes())
    _, labels = training_pairs(lexicon)
    counts = Counter(labels)
    (DATA / "data" / "root_model.md").write_text(
        CARD.format(c=REGULARISATION_C, tokens=MAX_TOKENS, n=len(labels), roots=len(counts),
                    per=round(len(labels) / len(counts), 1), digest=digest[:16]),
        encoding="utf-8",
    )
    print(f"wrote {DATA / MODEL_FILE} ({(DATA / MODEL_FILE).stat().st_size} bytes): "
          f"{len(labels)} examples, {len(counts)} roots")


if __name__ == "__main__":
    main()
