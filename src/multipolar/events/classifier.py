"""An optional root classifier over sentence embeddings, trained only on the lexicon's own examples.

It proposes a CAMEO root for a sentence where the lexicon finds no trigger; below the threshold the
coder abstains. Training happens on first use (a few seconds), never on evaluation data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from multipolar.embeddings import Embedder
from multipolar.events.lexicon import Lexicon

MAX_TOKENS = 128  # sentences, not documents: room for a whole one


class RootClassifier:
    def __init__(self, lexicon: Lexicon, *, encoder: Embedder | None = None) -> None:
        self.lexicon = lexicon
        self._encoder = encoder
        self._model: Any = None

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

    def _fit(self) -> None:
        from sklearn.linear_model import LogisticRegression

        texts = [e.example for e in self.lexicon.entries]
        labels = [e.cameo[:2] for e in self.lexicon.entries]
        x = self.encoder.embed(texts)
        model = LogisticRegression(C=8.0, max_iter=2000)
        model.fit(x, labels)
        self._model = model

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """(root, probability) of the most likely root for each text."""
        if not texts:
            return []
        if self._model is None:
            self._fit()
        x = self.encoder.embed(list(texts))
        proba = self._model.predict_proba(x)
        classes = self._model.classes_
        best = proba.argmax(axis=1)
        return [(str(classes[j]), float(proba[i, j])) for i, j in enumerate(best)]
