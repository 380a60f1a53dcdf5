"""Rule cooccur.pair_model: acts between two states named in one sentence that the rules did not code.

The rules find an act through a trigger word and its arguments; where they find none for two states a sentence
names ("Biden hosted Prime Minister Kishida of Japan for a state visit", a construction no trigger frame reads),
or only an act of another kind, the act is lost however good the learned layer above them is. This module
proposes every ordered pair of states named in a sentence and a small model trained on our own labels
(`training/train_pair_model.py`, `make train`) gives each a probability for each PLOVER type and for no act. A
pair is kept as an event of the likeliest type when that probability (summed over the types of its class as the
codebook compares acts) reaches the model's threshold (chosen by cross-validation on our labels, recorded in the
model file) and no rule event of the sentence counted at `event_min_probability` is that act already; the event's
confidence is that probability, its CAMEO code the type's general code, its span the sentence. A model file
trained with `--unjoined-only` is only shown the pairs no rule event of the sentence joins (in either direction)
and no named rule dropped. Off by default (setting `event_pair_model`): it adds recall and costs precision.

What the model sees of a pair (`pair_rows`): the sentence's MiniLM embedding and, for each of the two states,
the grammatical role of its best mention (subject, object, the preposition that governs it, reached through
"Prime Minister X of Japan", "US President X" and lists), the kind of mention, whether it hangs on the
sentence's main verb; for the pair, their order, distance, whether they share a governor, and what the rules made
of it in the sentence (the class of their events each way, a dropped candidate); for the sentence, the CAMEO roots
of the lexicon's trigger words in it, how many states it names, and general cue words. The model is shipped as
plain coefficients (events/data/pair_model.npz) and runs on numpy.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from multipolar.codes import is_state
from multipolar.errors import DataFileError
from multipolar.events.features import CUES, EMBEDDING_DIMENSIONS, ROOTS
from multipolar.events.model import NO_ACT, SENTENCE_TOKENS, act_key

RULE = "cooccur.pair_model"
MODEL_FILE = Path(__file__).resolve().parent / "data" / "pair_model.npz"
DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr", "npadvmod", "ROOT")
PREPS = ("with", "against", "to", "on", "from", "in", "for", "by", "between", "at", "toward", "towards", "into",
         "over", "about")
# how a mention was lifted to the word that carries its role: "US President Trump" (compound),
# "Russia's Putin" (poss), "Prime Minister Kishida of Japan" (of), "Japan and Korea" (conj)
LIFTS = ("compound", "amod", "poss", "appos", "conj", "of", "nmod")
KINDS = ("person", "country", "government", "demonym", "organisation", "role", "sector", "context", "resident",
         "issuer_self", "issuer_title")
_PREFERRED = {"nsubj": 0, "nsubjpass": 1, "dobj": 2, "dative": 2, "pobj": 3}
Joined = dict[tuple[int, frozenset[str]], frozenset[tuple[str, str, int]]]


@dataclass(frozen=True, slots=True)
class Role:
    """Where a mention stands in its sentence: the dependency of the word carrying its role, the preposition
    governing that word (if any), how the mention was lifted to it, and the word it hangs on."""

    mention: Any
    dep: str
    prep: str | None
    lift: str | None
    governor: int  # token index of the verb or noun the role hangs on


@dataclass(frozen=True, slots=True)
class PairCandidate:
    sentence: int  # index of the sentence in the document
    source: Role
    target: Role
    features: np.ndarray  # the pair's own features, without the embedding
    joined: bool = False  # a rule event of the sentence joins the pair, or a named rule dropped one


def _names() -> tuple[str, ...]:
    names = []
    for side in ("source", "target"):
        names += [f"{side}_dep={d}" for d in (*DEPS, "other")]
        names += [f"{side}_prep={p}" for p in (*PREPS, "other", "none")]
        names += [f"{side}_lift={x}" for x in (*LIFTS, "none")]
        names += [f"{side}_kind={k}" for k in (*KINDS, "other")]
        names += [f"{side}_on_root", f"{side}_on_verb", f"{side}_mentions"]
    names += ["source_first", "distance", "same_governor", "trigger_between", "any_trigger"]
    # what the rules made of the pair in this sentence (only a model trained on every pair sees these set)
    names += [f"rule_{way}_class={k}" for way in ("forward", "backward") for k in range(5)] + ["rule_dropped"]
    names += [f"states={n}" for n in ("2", "3", "4", "5+")]
    names += [f"trigger_root={r}" for r in ROOTS]
    names += ["sentence_tokens", "sentence_position", "first_sentence", "question", "quoted"]
    names += [f"cue={c}" for c in CUES]
    return tuple(names)


LAYOUT = _names()
_INDEX = {name: i for i, name in enumerate(LAYOUT)}


def _head(doc: Any, mention: Any) -> Any:
    """The word of a mention whose head lies outside it."""
    for i in range(mention.start, mention.end):
        tok = doc[i]
        if tok.head.i == tok.i or not (mention.start <= tok.head.i < mention.end):
            return tok
    return doc[mention.start]


def role_of(doc: Any, mention: Any) -> Role:
    tok = _head(doc, mention)
    lift = None
    for _ in range(5):
        if tok.dep_ in LIFTS and tok.dep_ != "of" and tok.head.i != tok.i:
            lift = lift or tok.dep_
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            lift = lift or "of"
            tok = tok.head.head
        else:
            break
    prep = tok.head.lower_ if tok.dep_ == "pobj" else None
    governor = tok.head.head if tok.dep_ == "pobj" else tok.head
    return Role(mention, tok.dep_, prep, lift, governor.i)


def _best(roles: list[Role]) -> Role:
    return min(roles, key=lambda r: (_PREFERRED.get(r.dep, 9), r.mention.start))


def states_by_sentence(doc: Any, actors: dict[int, Any]) -> dict[int, dict[str, list[Any]]]:
    """{sentence start token: {country: its state mentions in the sentence}}."""
    out: dict[int, dict[str, list[Any]]] = {}
    seen: set[int] = set()
    for i in sorted(actors):
        m = actors[i]
        if id(m) in seen or not is_state(m.actor_code):
            continue
        seen.add(id(m))
        out.setdefault(doc[m.start].sent.start, {}).setdefault(m.actor_code[:3], []).append(m)
    return out


def candidates(doc: Any, actors: dict[int, Any], joined: Joined, *, triggers: Any,
               every_pair: bool = False) -> list[PairCandidate]:
    """Every ordered pair of states named in one sentence of `doc` that `joined` (`joined_pairs`: what the rules
    made of each pair in each sentence) does not hold; with `every_pair`, every pair, with what the rules made of
    it among its features. `triggers(sent)` lists the lexicon's trigger words of a sentence."""
    by_sentence = states_by_sentence(doc, actors)
    sents = list(doc.sents)
    out: list[PairCandidate] = []
    for idx, sent in enumerate(sents):
        states = by_sentence.get(sent.start, {})
        if len(states) < 2:
            continue
        todo = [(a, b) for a in states for b in states
                if a != b and (every_pair or (idx, frozenset((a, b))) not in joined)]
        if not todo:
            continue
        roles = {c: [role_of(doc, m) for m in ms] for c, ms in states.items()}
        trig = [(t.tok.i, t.code[:2]) for t in triggers(sent)]
        for a, b in todo:
            src, tgt = _best(roles[a]), _best(roles[b])
            feats = _features(doc, sent, idx, len(sents), src, tgt, len(roles[a]), len(roles[b]), len(states), trig)
            made = joined.get((idx, frozenset((a, b))), frozenset())
            for s_, _, k in made:
                _set(feats, "rule_dropped" if k < 0 else f"rule_{'forward' if s_ == a else 'backward'}_class={k}")
            out.append(PairCandidate(idx, src, tgt, feats, joined=bool(made)))
    return out


def _set(row: np.ndarray, name: str, value: float = 1.0) -> None:
    i = _INDEX.get(name)
    if i is not None:
        row[i] = value


def _side(row: np.ndarray, doc: Any, sent: Any, side: str, role: Role, n_mentions: int) -> None:
    _set(row, f"{side}_dep={role.dep if role.dep in DEPS else 'other'}")
    _set(row, f"{side}_prep={'none' if role.prep is None else role.prep if role.prep in PREPS else 'other'}")
    _set(row, f"{side}_lift={role.lift or 'none'}")
    kind = getattr(role.mention, "kind", "")
    _set(row, f"{side}_kind={kind if kind in KINDS else 'other'}")
    _set(row, f"{side}_on_root", float(role.governor == sent.root.i))
    _set(row, f"{side}_on_verb", float(doc[role.governor].pos_ in ("VERB", "AUX")))
    _set(row, f"{side}_mentions", min(n_mentions, 4) / 4)


def _features(doc: Any, sent: Any, idx: int, n_sents: int, src: Role, tgt: Role, n_src: int, n_tgt: int,
              n_states: int, trig: Sequence[tuple[int, str]]) -> np.ndarray:
    row = np.zeros(len(LAYOUT), dtype=np.float32)
    _side(row, doc, sent, "source", src, n_src)
    _side(row, doc, sent, "target", tgt, n_tgt)
    lo, hi = sorted((src.mention.start, tgt.mention.start))
    _set(row, "source_first", float(src.mention.start < tgt.mention.start))
    _set(row, "distance", min(hi - lo, 40) / 40)
    _set(row, "same_governor", float(src.governor == tgt.governor))
    _set(row, "trigger_between", float(any(lo < i < hi for i, _ in trig)))
    _set(row, "any_trigger", float(bool(trig)))
    _set(row, f"states={n_states if n_states < 5 else '5+'}")
    for _, root in trig:
        _set(row, f"trigger_root={root}")
    words = {t.lower_ for t in sent}
    _set(row, "sentence_tokens", min(len(sent), 80) / 80)
    _set(row, "sentence_position", idx / max(n_sents - 1, 1))
    _set(row, "first_sentence", float(idx == 0))
    _set(row, "question", float(sent.text.rstrip().endswith("?")))
    _set(row, "quoted", float(any(q in sent.text for q in ('"', "\u201c", "\u201d"))))
    for cue in CUES:
        if cue in words:
            _set(row, f"cue={cue}")
    return row


def pair_rows(found: Sequence[PairCandidate], embeddings: np.ndarray, sentence_of: Sequence[int]) -> np.ndarray:
    """The model's input: each pair's sentence embedding followed by its own features."""
    rows = np.zeros((len(found), EMBEDDING_DIMENSIONS + len(LAYOUT)), dtype=np.float32)
    for i, cand in enumerate(found):
        rows[i, :EMBEDDING_DIMENSIONS] = embeddings[sentence_of[i]]
        rows[i, EMBEDDING_DIMENSIONS:] = cand.features
    return rows


def layout_digest() -> str:
    return hashlib.sha1("\n".join(LAYOUT).encode("utf-8")).hexdigest()[:16]


class PairModel:
    """Multinomial logistic regression as plain arrays over standardised, column-weighted rows."""

    def __init__(self, classes: Sequence[str], coef: np.ndarray, intercept: np.ndarray, mean: np.ndarray,
                 scale: np.ndarray, threshold: float, card: dict[str, Any] | None = None,
                 every_pair: bool = False) -> None:
        self.classes = tuple(classes)
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.mean = np.asarray(mean, dtype=np.float64)
        self.scale = np.asarray(scale, dtype=np.float64)  # standard deviation divided by the column's weight
        self.threshold = float(threshold)
        self.card = card or {}
        self.every_pair = every_pair  # trained on every pair (with what the rules made of it), not only unjoined ones

    def predict_proba(self, rows: np.ndarray) -> np.ndarray:
        z = ((np.asarray(rows, dtype=np.float64) - self.mean) / self.scale) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        with open(path, "wb") as f:
            np.savez_compressed(f, classes=np.array(self.classes), coef=self.coef, intercept=self.intercept,
                                mean=self.mean, scale=self.scale, threshold=np.array(self.threshold),
                                layout=np.array(layout_digest()), card=np.array(json.dumps(self.card)),
                                every_pair=np.array(self.every_pair))

    @classmethod
    def load(cls, path: Path | None = None) -> PairModel:
        path = Path(path or MODEL_FILE)
        if not path.is_file():
            raise DataFileError(f"pair model: {path} is missing; run `make train` or set event_pair_model=false")
        with np.load(path, allow_pickle=False) as z:
            if str(z["layout"]) != layout_digest():
                raise DataFileError(f"pair model: {path} was trained with another feature layout than "
                                    "events/cooccur.py; run `make train` again")
            return cls([str(c) for c in z["classes"]], z["coef"], z["intercept"], z["mean"], z["scale"],
                       float(z["threshold"]), json.loads(str(z["card"])), every_pair=bool(z["every_pair"]))


def read(probs: np.ndarray, classes: Sequence[str]) -> list[tuple[float, str]]:
    """Each row as (P, type): the likeliest type other than NONE and the summed probability of the types of
    its class as the real-news codebook compares acts (REQUEST, or the quad; events/model.py: `act_key`)."""
    types = [j for j, c in enumerate(classes) if c != NO_ACT]
    kind_class = {j: act_key("A", "B", classes[j])[2] for j in types}
    out = []
    for row in probs:
        best = max(types, key=lambda j: row[j])
        out.append((float(sum(row[j] for j in types if kind_class[j] == kind_class[best])), classes[best]))
    return out


def joined_pairs(events: Iterable[Any], dropped: Iterable[dict[str, Any]] = ()) -> Joined:
    """{(sentence index, {A, B}): what the rules made of the pair there}: (source, target, class as the codebook
    compares acts) of every event with a target, and (source, target, -1) of every candidate a named rule
    dropped (`Trace.dropped`)."""
    out: dict[tuple[int, frozenset[str]], set[tuple[str, str, int]]] = {}
    for e in events:
        if e.target and e.source[:3] != e.target[:3]:
            s, t = e.source[:3], e.target[:3]
            out.setdefault((e.sentence, frozenset((s, t))), set()).add((s, t, act_key(s, t, e.plover, e.quad)[2]))
    for d in dropped:
        if d.get("target") and d.get("source") and d["source"][:3] != d["target"][:3]:
            s, t = d["source"][:3], d["target"][:3]
            out.setdefault((d["sentence"], frozenset((s, t))), set()).add((s, t, -1))
    return {k: frozenset(v) for k, v in out.items()}


def pair_acts(doc: Any, actors: dict[int, Any], events: Sequence[Any], *, dropped: Iterable[dict[str, Any]],
              model: PairModel, encoder: Any, triggers: Any, make_event: Any, min_probability: float) -> list[Any]:
    """The events of the pairs the model keeps, one per sentence and act as the codebook compares acts (a
    meeting is not kept once each way), and none that a rule event of the sentence at `min_probability` or above
    already is: `make_event(sentence index, sentence, source mention, target mention, PLOVER type, probability,
    governor token)` makes each."""
    found = candidates(doc, actors, joined_pairs(events, dropped), triggers=triggers, every_pair=model.every_pair)
    if not found:
        return []
    sents = list(doc.sents)
    wanted = sorted({c.sentence for c in found})
    slot = {s: k for k, s in enumerate(wanted)}
    embeddings = encoder.embed([sents[s].text for s in wanted], max_tokens=SENTENCE_TOKENS)
    probs = model.predict_proba(pair_rows(found, embeddings, [slot[c.sentence] for c in found]))
    ranked = sorted(zip(found, read(probs, model.classes), strict=True), key=lambda x: -x[1][0])
    out = []
    seen = {(e.sentence, act_key(e.source, e.target, e.plover, e.quad)) for e in events
            if e.target and e.confidence >= min_probability}
    for cand, (p, kind) in ranked:
        if p < model.threshold:
            break
        key = (cand.sentence, act_key(cand.source.mention.country, cand.target.mention.country, kind))
        if key not in seen:
            seen.add(key)
            out.append(make_event(cand.sentence, sents[cand.sentence], cand.source.mention, cand.target.mention,
                                  kind, round(p, 3), doc[cand.source.governor]))
    return out
