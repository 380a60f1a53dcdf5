"""The root classifier is loaded, not fitted, for the bundled lexicon; it equals what sklearn fits."""

from __future__ import annotations

import numpy as np

from multipolar.events.classifier import LinearRoots, RootClassifier, fit_roots, lexicon_digest, shipped_model
from multipolar.events.lexicon import Lexicon, LexiconEntry


def test_shipped_root_model_belongs_to_the_bundled_lexicon():
    shipped = shipped_model()
    assert shipped is not None, "events/data/root_model.npz is missing: run `make train`"
    assert shipped.digest == lexicon_digest(Lexicon.load()), (
        "the lexicon's examples changed since events/data/root_model.npz was fitted: run `make train`"
    )
    assert len(shipped.classes_) == shipped.coef.shape[0] == shipped.intercept.shape[0]


class _Encoder:
    """Deterministic vectors from words: enough for a linear model to separate two kinds of sentence."""

    calls = 0

    def embed(self, texts):
        _Encoder.calls += 1
        vocab = ["sanction", "tariff", "praise", "thank", "meet", "talk"]
        return np.array([[t.lower().count(w) + 0.01 * i for i, w in enumerate(vocab)] for t in texts], float)


def _lexicon(examples):
    return Lexicon([LexiconEntry(code, "x", "VERB", "x", (), text, None, None) for code, text in examples])


LEX = _lexicon([
    ("163", "They imposed a tariff and a sanction."), ("163", "A new sanction, another tariff."),
    ("051", "They praise and thank the envoy."), ("051", "We thank them and praise the talks."),
    ("040", "Leaders meet to talk."), ("040", "They will meet and talk today."),
])


def test_plain_arrays_give_sklearns_probabilities():
    from sklearn.linear_model import LogisticRegression

    enc = _Encoder()
    texts = [e.example for e in LEX.entries]
    x = enc.embed(texts)
    sk = LogisticRegression(C=8.0, max_iter=2000).fit(x, [e.cameo[:2] for e in LEX.entries])
    ours = LinearRoots.from_bytes(fit_roots(LEX, enc).to_bytes())
    assert list(ours.classes_) == list(sk.classes_)
    np.testing.assert_allclose(ours.predict_proba(x), sk.predict_proba(x), rtol=1e-9, atol=1e-12)


def test_a_lexicon_without_a_shipped_model_is_fitted_on_first_use():
    clf = RootClassifier(LEX, encoder=_Encoder())
    assert clf.model.digest == lexicon_digest(LEX) != shipped_model().digest
    (root, p), = clf.predict(["a tariff and a sanction"])
    assert root == "16" and p > 0.5
