"""The learned layer: how likely an event the rules propose is an act the text asserts between its two actors,
and of which PLOVER type.

The rules find candidates (recall); this model, trained on real sentences we labelled by the real-news
codebook (`training/`, `make train`), gives each act of one state toward another a probability for each
PLOVER type and for "no act" (NONE). The probability of an act of the likeliest type's class (`read`)
becomes the event's `confidence`. When the model
reads a type for an act the rules left untyped (a statement or an appeal), the coder recodes the event to
that type's general CAMEO code (rule `model.retype`, `retypes`, `TYPE_CODES`): "Trump said US forces
struck the port" is a strike, not a statement. The retyped act keeps the sign of the rules' verb
(`retype_sign`): a welcome or an appeal is read as a cooperative type or a REQUEST, never as an accusation. Other events (statements to no one, acts of armed groups, companies,
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
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from multipolar.codes import is_interstate
from multipolar.errors import DataFileError
from multipolar.events.features import LAYOUT, event_rows
from multipolar.events.rulebook import recode
from multipolar.records import Event

DATA = Path(__file__).resolve().parent / "data"
MODEL_FILE = DATA / "act_model.onnx"
CARD_FILE = DATA / "act_model.json"
SENTENCE_TOKENS = 96  # word pieces per sentence for the embedding: enough for the clause around an act
NO_ACT = "NONE"
# the general CAMEO code of each PLOVER type, for an event the model recodes (rule model.retype)
TYPE_CODES = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "REQUEST": "100",
              "COOPERATE": "060", "AID": "070", "RETREAT": "084", "ACCUSE": "112", "REJECT": "120",
              "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
              "ASSAULT": "190"}


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


def retypes(event: Event) -> bool:
    """Rule model.retype applies to an asserted act the rules gave no PLOVER type (CAMEO 01 statements and 02
    appeals: "Trump said US forces struck the port"). A typed act keeps the rules' type, read off its verb: our
    labels give the type of a pair of states in a unit (a news item's headline and teaser together), too coarse
    to overrule the verb. A negated or hypothetical act keeps its type too: the labels type only what a text
    asserts."""
    return not event.plover and is_scored(event.source, event.target, negated=event.negated, modality=event.modality)


def retyped(event: Event, plover: str, ontology: Any) -> Event:
    """The event under the general CAMEO code of `plover` (rule model.retype); an appeal read as a request stays
    an appeal ("invited Trump to hold the next meeting in Moscow": CAMEO files appeals under verbal cooperation,
    demands under conflict), with its type."""
    if plover == "REQUEST" and (event.cameo or "").startswith("02"):
        return dataclasses.replace(recode(event, event.cameo, ontology, id_parts=("model.retype",)), plover="REQUEST")
    return recode(event, TYPE_CODES[plover], ontology, id_parts=("model.retype",))


def retype_sign(event: Event) -> int:
    """Rule model.retype keeps the sign the rules' verb gives a statement or appeal: +1 for a cooperative one
    ("welcomed", "called on ... to": a positive Goldstein score), -1 for a conflictual one (a pessimistic
    comment), 0 for a plain statement ("said"). A retyped act of sign +1 is read as a cooperative type or a
    REQUEST, of sign -1 as a conflictual type or a REQUEST: "China welcomed Russia's efforts" is no accusation.
    An appeal (CAMEO 02) read as a REQUEST keeps its appeal code and Goldstein score: only a statement becomes
    a demand (100)."""
    score = event.goldstein or 0.0
    return 1 if score > 0 else -1 if score < 0 else 0


# rule model.retype_no_force: a statement or an appeal is never read as force ("Cuba and Venezuela confirmed the
# deaths of 55 soldiers in a US operation" is no Cuban assault: the force told of is another's act)
NEVER_RETYPED = frozenset({"ASSAULT", "COERCE"})
_SIGN_CLASSES = {1: frozenset({REQUEST_CLASS, 1, 2}), -1: frozenset({REQUEST_CLASS, 3, 4})}
# rule model.future_statement: a statement of a future or conditional act is retyped to a verbal class only
_VERBAL_CLASSES = frozenset({REQUEST_CLASS, 1, 3})


def read(probs: np.ndarray, classes: Sequence[str], kinds: Sequence[str | None] | None = None,
         signs: Sequence[int] | None = None, verbal: Sequence[bool] | None = None) -> list[tuple[float, str]]:
    """Each row of class probabilities read as (P, type). The type is `kinds[i]` where given (the rules' own,
    kept; "" for an untyped act that stays untyped, whose P is that of any act), else the likeliest type other
    than NONE (among the classes `signs[i]` allows, `retype_sign`); P is the summed probability of the types of that type's
    class as the real-news codebook compares acts (`act_key`: REQUEST, or the quad), so "a strike or a
    seizure" counts towards one material-conflict act. Chosen over 1 - P(NONE) by cross-validation on our
    labels: as likely to be right as it says (see the card's reliability table). Where `verbal[i]` (rule
    model.future_statement: "warned it would close the port"), only verbal classes (REQUEST, quads 1 and 3) are
    read: a statement about a future or conditional act is a threat at most, not the act."""
    none = list(classes).index(NO_ACT)
    types = [j for j in range(len(classes)) if j != none]
    kind_class = {j: act_key("A", "B", classes[j])[2] for j in types}
    out = []
    for i, row in enumerate(probs):
        allowed = _SIGN_CLASSES.get(signs[i]) if signs is not None else None
        if verbal is not None and verbal[i]:
            allowed = (allowed if allowed is not None else _VERBAL_CLASSES) & _VERBAL_CLASSES
        choices = [j for j in types if (allowed is None or kind_class[j] in allowed)
                   and classes[j] not in NEVER_RETYPED] or types
        kind = kinds[i] if kinds is not None and kinds[i] is not None else classes[max(choices, key=lambda j: row[j])]
        if not kind:  # an untyped act that keeps no type: the probability of any act
            out.append((float(1.0 - row[none]), ""))
            continue
        wanted = act_key("A", "B", kind)[2]
        out.append((float(sum(row[j] for j in types if kind_class[j] == wanted)), kind))
    return out


def read_events(probs: np.ndarray, classes: Sequence[str], events: Sequence[Event],
                verbal: Collection[str] = ()) -> list[tuple[float, str]]:
    """`read` for these events' rows: the type the model reads where rule model.retype applies (`retypes`),
    else the rules' own ("" for an untyped act that stays untyped); events whose ids are in `verbal` (rule
    model.future_statement) are read as verbal acts only."""
    return read(probs, classes, [None if retypes(e) else (e.plover or "").upper() for e in events],
                [retype_sign(e) if retypes(e) else 0 for e in events], [e.event_id in verbal for e in events])


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
        classes = card.get("classes") or []
        if NO_ACT not in classes or not set(classes) - {NO_ACT} <= TYPE_CODES.keys():
            raise DataFileError(f"act model: {self.card_path} names no classes or unknown ones ({classes}); "
                                "run `make train` again")
        return card

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(self.card["classes"])

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
        """P(class) for each event and each of `classes` ([N, K]; all events, whether or not `applies`);
        `context`: every event of the document the model scores, when `events` are only some of them."""
        if not events:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
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
        return np.asarray(out, dtype=np.float32).reshape(len(events), len(self.classes))

    def readings(self, events: Sequence[Event], *, n_sentences: int,
                 context: Sequence[Event] | None = None, verbal: Collection[str] = ()) -> list[tuple[float, str]]:
        """(P, type) for each event (`read`): the type the model reads where rule model.retype applies
        (`retypes`), else the rules' own, and the probability of an act of that type's class."""
        return read_events(self.probabilities(events, n_sentences=n_sentences, context=context), self.classes, events,
                           verbal)

    def rescore(self, events: Sequence[Event], *, n_sentences: int,
                retype: Callable[[Event, str], Event] | None = None, verbal: Collection[str] = ()) -> list[Event]:
        """The events with `confidence` set to the model's probability (`readings`) where the model applies; with `retype`,
        an event rule model.retype applies to (`retypes`) goes through `retype(event, likeliest type)`, a verbal
        type for the ids in `verbal` (rule model.future_statement)."""
        scored = [e for e in events if applies(e)]
        if not scored:
            return list(events)
        readings = iter(self.readings(scored, n_sentences=n_sentences, verbal=verbal))
        out = []
        for e in events:
            if applies(e):
                p, kind = next(readings)
                if retype is not None and kind and kind != (e.plover or "").upper():
                    e = retype(e, kind)
                e = dataclasses.replace(e, confidence=round(p, 3))
            out.append(e)
        return out
