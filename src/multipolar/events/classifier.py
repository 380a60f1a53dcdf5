"""An optional root classifier over sentence embeddings, trained only on the lexicon's own examples.

It proposes a CAMEO root for a sentence where the lexicon finds no trigger; below the threshold the
coder abstains. The bundled lexicon's model is fitted once by `make train` (training/train_root_model.py)
and shipped as coefficients (events/data/root_model.npz, with the hash of the examples it was fitted on),
so a run only loads it. A lexicon of the user's own (setting `event_lexicon`) has no shipped model: it is
fitted on first use, as the card (events/data/root_model.md) describes. Never fitted on evaluation data.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from importlib import resources
from typing import Any

import numpy as np

from multipolar.embeddings import Embedder
from multipolar.events.lexicon import Lexicon

MAX_TOKENS = 128  # sentences, not documents: room for a whole one
REGULARISATION_C = 8.0
MODEL_FILE = "data/root_model.npz"


def training_pairs(lexicon: Lexicon) -> tuple[list[str], list[str]]:
    """(example sentences, CAMEO roots): everything the classifier learns from."""
    return [e.example for e in lexicon.entries], [e.cameo[:2] for e in lexicon.entries]


def lexicon_digest(lexicon: Lexicon) -> str:
    """A hash of the training pairs: a shipped model belongs to exactly one set of examples."""
    h = hashlib.sha256()
    for text, root in zip(*training_pairs(lexicon), strict=True):
        h.update(f"{root}\t{text}\n".encode())
    return h.hexdigest()


class LinearRoots:
    """Multinomial logistic regression as plain arrays: softmax(x W^T + b)."""

    def __init__(self, classes: Sequence[str], coef: np.ndarray, intercept: np.ndarray, digest: str) -> None:
        self.classes_ = np.array(list(classes))
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.digest = digest

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        z = np.asarray(x, dtype=np.float64) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        np.savez_compressed(buf, classes=self.classes_.astype(str), coef=self.coef,
                            intercept=self.intercept, digest=np.array(self.digest))
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> LinearRoots:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            return cls([str(c) for c in z["classes"]], z["coef"], z["intercept"], str(z["digest"]))


def fit_roots(lexicon: Lexicon, encoder: Embedder) -> LinearRoots:
    """Fit the classifier on the lexicon's examples (`make train` for the bundled lexicon)."""
    from sklearn.linear_model import LogisticRegression

    texts, labels = training_pairs(lexicon)
    model = LogisticRegression(C=REGULARISATION_C, max_iter=2000)
    model.fit(encoder.embed(texts), labels)
    coef, intercept = model.coef_, model.intercept_
    if len(model.classes_) == 2:  # sklearn keeps one row for two classes: make it a two-way softmax
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return LinearRoots([str(c) for c in model.classes_], coef, intercept, lexicon_digest(lexicon))


def shipped_model() -> LinearRoots | None:
    path = resources.files("multipolar.events").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return LinearRoots.from_bytes(path.read_bytes())


class RootClassifier:
    def __init__(self, lexicon: Lexicon, *, encoder: Embedder | None = None) -> None:
        self.lexicon = lexicon
        self._encoder = encoder
        self._model: LinearRoots | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"lexicon": self.lexicon}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.lexicon = state["lexicon"]
        self._encoder = None
        self._model = None

    @property
    def encoder(self) -> Embedder:
        if self._encoder is None:
            self._encoder = Embedder(threads=1, max_tokens=MAX_TOKENS)
        return self._encoder

    @property
    def model(self) -> LinearRoots:
        if self._model is None:
            shipped = shipped_model()
            if shipped is not None and shipped.digest == lexicon_digest(self.lexicon):
                self._model = shipped
            else:  # a lexicon of the user's own: fitted here, once per process
                self._model = fit_roots(self.lexicon, self.encoder)
        return self._model

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """(root, probability) of the most likely root for each text."""
        if not texts:
            return []
        proba = self.model.predict_proba(self.encoder.embed(list(texts)))
        classes = self.model.classes_
        best = proba.argmax(axis=1)
        return [(str(classes[j]), float(proba[i, j])) for i, j in enumerate(best)]


def classified_pairs(srcs: list[Any], tgts: list[Any]) -> list[tuple[Any, Any]]:
    """The (source, target) pairs of a classified sentence: each source with each listed target of another actor
    ("halted gas exports to Poland and Bulgaria" is two acts, as a lexicon trigger's list is), one target per
    country; a source with none gets one act with no target."""
    out = []
    for s in srcs:
        others = list({x.country: x for x in tgts if x.actor_code != s.actor_code}.values())
        out += [(s, t) for t in others] or [(s, None)]
    return out
