"""What the learned layer sees of one event the rules propose: a fixed-length vector of floats.

The same function makes the training rows (`training/train_act_model.py`) and the run-time rows
(`events/model.py`), so the two cannot drift apart. A vector is the sentence's MiniLM embedding followed by
the event's own features: its CAMEO root, PLOVER type (or none), modality and negation, how its date was found, its
actors' kinds, the rules' own confidence, where the sentence sits in the document, whether and where the
source's and target's names stand in the sentence, in how many other sentences of the document the rules
found the same pair, and general cue words of speech, plans, conditions and negation. `LAYOUT` names every column; the model file records the layout
it was trained with and refuses another.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from multipolar.records import Event

ROOTS = tuple(f"{r:02d}" for r in range(1, 21))
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "COOPERATE", "AID", "RETREAT", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODALITIES = ("asserted", "intended", "hypothetical", "reported")
PRECISIONS = ("day", "month", "year", "doc")
# general English cues of attribution, plans, conditions, questions and negation (not from any gold set)
CUES = ("said", "says", "told", "according", "will", "would", "could", "may", "might", "should", "if", "unless",
        "not", "no", "never", "plan", "plans", "expected", "ahead", "next", "since", "ago", "last", "former",
        "after", "before", "while", "both", "two", "each", "other", "also", "again", "called", "urged")
_WORD = re.compile(r"[a-z]+")
EMBEDDING_DIMENSIONS = 384


def _names() -> tuple[str, ...]:
    names = [f"emb{i}" for i in range(EMBEDDING_DIMENSIONS)]
    names += [f"root={r}" for r in ROOTS]
    names += [f"plover={p}" for p in PLOVER_TYPES] + ["plover=none"]
    names += [f"modality={m}" for m in MODALITIES]
    names += [f"precision={p}" for p in PRECISIONS] + ["precision=none"]
    names += ["negated", "rule_confidence", "source_has_role", "target_has_role", "source_is_person",
              "target_is_person", "source_is_igo", "target_is_igo", "sentence_tokens", "sentence_position",
              "first_sentence", "events_in_sentence", "pairs_in_sentence", "trigger_position", "question",
              "quoted", "no_final_stop", "trigger_in_quotes"]
    names += [f"{side}_{what}" for side in ("source", "target") for what in ("in_sentence", "before_trigger", "distance")]
    names += ["pair_other_sentences"]
    names += [f"cue={c}" for c in CUES]
    return tuple(names)


LAYOUT = _names()


def event_rows(events: Sequence[Event], *, embeddings: np.ndarray, sentence_of: Sequence[int],
               n_sentences: int, context: Sequence[Event] | None = None) -> np.ndarray:
    """One row per event; `embeddings[sentence_of[i]]` is the embedding of event i's sentence. `context` is
    every event of the document the model scores (default: `events`), for the counts across sentences."""
    rows = np.zeros((len(events), len(LAYOUT)), dtype=np.float32)
    per_sentence: dict[int, list[Event]] = {}
    pair_sentences: dict[frozenset[str], set[int]] = {}
    for event in events if context is None else context:
        per_sentence.setdefault(event.sentence, []).append(event)
        pair_sentences.setdefault(frozenset((event.source, event.target or "")), set()).add(event.sentence)
    base = EMBEDDING_DIMENSIONS
    for i, event in enumerate(events):
        rows[i, :base] = embeddings[sentence_of[i]]
        col = base
        col = _one_hot(rows[i], col, ROOTS, event.root)
        # plover=none: the rules gave the candidate no PLOVER type (CAMEO 01 and 02 have none)
        col = _one_hot(rows[i], col, (*PLOVER_TYPES, None), (event.plover or "").upper() or None)
        col = _one_hot(rows[i], col, MODALITIES, event.modality)
        col = _one_hot(rows[i], col, (*PRECISIONS, None), event.date_precision)
        text = event.text or ""
        lowered = text.lower()
        same = per_sentence.get(event.sentence, [])
        start = max(0, event.span[0])
        values = (
            float(event.negated),
            float(event.confidence),
            float(len(event.source_actor or "") > 3),
            float(len(event.target_actor or "") > 3),
            float(bool(event.source_name)),
            float(bool(event.target_name)),
            float((event.source or "").startswith(("IGO", "NGO"))),
            float((event.target or "").startswith(("IGO", "NGO"))),
            min(len(text.split()) / 50.0, 3.0),
            event.sentence / max(n_sentences, 1),
            float(event.sentence == 0),
            math.log1p(len(same)),
            math.log1p(len({(e.source, e.target) for e in same})),
            _relative(start, text, event),
            float("?" in text),
            float(any(q in text for q in ('"', "“", "”"))),
            float(not text.rstrip().endswith((".", "!", "?", '"', "”", "'"))),
            float(_inside_quotes(text, event.trigger)),
            *_name_place(text, event.source_name, event.trigger),
            *_name_place(text, event.target_name, event.trigger),
            math.log1p(len(pair_sentences.get(frozenset((event.source, event.target or "")), set()) - {event.sentence})),
        )
        rows[i, col:col + len(values)] = values
        col += len(values)
        words = set(_WORD.findall(lowered))
        for j, cue in enumerate(CUES):
            rows[i, col + j] = float(cue in words)
    return rows


def _one_hot(row: np.ndarray, col: int, values: Sequence[object], value: object) -> int:
    for j, v in enumerate(values):
        if v == value:
            row[col + j] = 1.0
            break
    return col + len(values)


def _relative(start: int, text: str, event: Event) -> float:
    """Where the trigger sits in its sentence, 0 (first word) to 1 (last)."""
    at = text.find(event.trigger) if event.trigger else -1
    if at < 0 or not text:
        return 0.5
    return at / max(len(text), 1)


def _name_place(text: str, name: str | None, trigger: str) -> tuple[float, float, float]:
    """Whether the actor's name is in the sentence, whether it comes before the trigger, and how far from it
    (a share of the sentence; 1 when either is missing): a name taken from another sentence or from far away
    is a weaker reading."""
    at = text.find(name) if name else -1
    trig = text.find(trigger) if trigger else -1
    if at < 0:
        return 0.0, 0.0, 1.0
    if trig < 0:
        return 1.0, 0.0, 1.0
    return 1.0, float(at < trig), abs(at - trig) / max(len(text), 1)


def _inside_quotes(text: str, trigger: str) -> bool:
    at = text.find(trigger) if trigger else -1
    if at < 0:
        return False
    before = text[:at]
    return (before.count('"') % 2 == 1) or (before.count("“") > before.count("”"))
