"""The learned layer: how likely an event the rules propose is an act the text asserts between its two actors.

The rules find candidates (recall); this model, trained on real sentences we labelled by the real-news
codebook (`training/`, `make train`), gives each act of one state toward another a probability, which
becomes the event's `confidence`. Other events (statements to no one, acts of armed groups, companies,
IGOs or within one country) are outside what the labels cover and keep the rules' confidence. Relations and `multipolar code` count only events at or above the setting
`event_min_probability`.

The model is a small head over the sentence's MiniLM embedding and the event's own features
(`events/features.py`), shipped as ONNX (`events/data/act_model.onnx`) with its layout and data card beside
it; it runs on onnxruntime, with no PyTorch and no download.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from multipolar.codes import is_interstate
from multipolar.errors import DataFileError
from multipolar.events.features import LAYOUT, event_rows
from multipolar.records import Event

DATA = Path(__file__).resolve().parent / "data"
MODEL_FILE = DATA / "act_model.onnx"
CARD_FILE = DATA / "act_model.json"
SENTENCE_TOKENS = 96  # word pieces per sentence for the embedding: enough for the clause around an act


# how the real-news codebook compares acts (../shared/tools/score_realnews.py): REQUEST is a class of its own,
# the other PLOVER types fall in their quad, and meetings, deals and joint acts match in either direction
PLOVER_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
               "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4,
               "ASSAULT": 4}
QUAD_WORDS = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
REQUEST_CLASS = 0


def act_key(source: str, target: str, plover: str | None, quad: int | str | None = None) -> tuple[str, str, int]:
    """(source, target, class) of an act as the codebook compares them: class 0 for REQUEST, else the quad
    (given as 1-4 or the gold files' words, or taken from the PLOVER type); the pair sorted for symmetric types."""
    plover = (plover or "").upper()
    if plover == "REQUEST":
        kind = REQUEST_CLASS
    elif quad is None:
        kind = PLOVER_QUAD.get(plover, 0)
    elif isinstance(quad, str) and not quad.isdigit():
        kind = QUAD_WORDS.get(quad.strip().lower(), 0)
    else:
        kind = int(quad)
    source, target = source[:3], target[:3]
    if plover in SYMMETRIC:
        source, target = sorted((source, target))
    return source, target, kind


def is_scored(source: str | None, target: str | None, *, negated: bool, modality: str | None) -> bool:
    """Whether the real-news scorer counts an act: two different three-letter actors, not negated, not
    hypothetical."""
    src, tgt = (source or "")[:3], (target or "")[:3]
    return (len(src) == 3 and len(tgt) == 3 and src.isalpha() and tgt.isalpha() and src != tgt and not negated
            and (modality or "asserted") != "hypothetical")


def applies(event: Event) -> bool:
    """The model scores what it was trained on: an act of one state toward another."""
    return is_interstate(event.source_actor, event.target_actor)


class ActModel:
    """Loads the ONNX head and its layout once; `rescore` gives events their probability."""

    def __init__(self, *, model_path: Path | None = None, encoder: Any | None = None) -> None:
        self.model_path = Path(model_path) if model_path else MODEL_FILE
        self.card_path = self.model_path.with_suffix(".json")
        self._encoder = encoder
        self._session: Any = None
        self.card = self._read_card()

    def __getstate__(self) -> dict[str, Any]:
        return {"model_path": str(self.model_path)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(model_path=Path(state["model_path"]))  # type: ignore[misc]

    def _read_card(self) -> dict[str, Any]:
        if not self.model_path.is_file() or not self.card_path.is_file():
            raise DataFileError(f"act model: {self.model_path} or {self.card_path} is missing; run `make train` "
                                "or set event_model=false")
        card = json.loads(self.card_path.read_text(encoding="utf-8"))
        if tuple(card.get("layout", ())) != LAYOUT:
            raise DataFileError(f"act model: {self.card_path} was trained with another feature layout than "
                                "events/features.py; run `make train` again")
        return card

    @property
    def encoder(self) -> Any:
        if self._encoder is None:
            from multipolar.embeddings import Embedder

            self._encoder = Embedder(threads=1, max_tokens=SENTENCE_TOKENS)
        return self._encoder

    @property
    def session(self) -> Any:
        if self._session is None:
            os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            self._session = ort.InferenceSession(str(self.model_path), sess_options=options,
                                                 providers=["CPUExecutionProvider"])
        return self._session

    def probabilities(self, events: Sequence[Event], *, n_sentences: int,
                      context: Sequence[Event] | None = None) -> np.ndarray:
        """P(asserted act) for each event (all of them, whether or not `applies`); `context`: every event of the
        document the model scores, when `events` are only some of them."""
        if not events:
            return np.zeros(0, dtype=np.float32)
        texts: list[str] = []
        index: dict[str, int] = {}
        sentence_of = []
        for event in events:
            slot = index.get(event.text)
            if slot is None:
                slot = index[event.text] = len(texts)
                texts.append(event.text)
            sentence_of.append(slot)
        embeddings = self.encoder.embed(texts, max_tokens=SENTENCE_TOKENS)
        rows = event_rows(events, embeddings=embeddings, sentence_of=sentence_of, n_sentences=n_sentences,
                          context=context)
        (out,) = self.session.run(None, {self.session.get_inputs()[0].name: rows})
        return np.asarray(out, dtype=np.float32).reshape(-1)

    def rescore(self, events: Sequence[Event], *, n_sentences: int) -> list[Event]:
        """The events with `confidence` set to the model's probability where the model applies."""
        scored = [e for e in events if applies(e)]
        if not scored:
            return list(events)
        probs = iter(self.probabilities(scored, n_sentences=n_sentences).tolist())
        return [dataclasses.replace(e, confidence=round(float(next(probs)), 3)) if applies(e) else e
                for e in events]
