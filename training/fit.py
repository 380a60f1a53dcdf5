"""Model choice by grouped cross-validation, the held-out report, and the ONNX export of the act model."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import numpy as np

from multipolar.events.model import act_key, is_scored

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "multipolar" / "events" / "data"
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.05), 2)
# what the sentence embedding's columns are multiplied by after standardisation, against 1 for the event's
# own (sparse, rule-made) features: with an L2 penalty a weight below 1 makes the embedding dearer to use;
# chosen with the model by cross-validation on our own labels (0 = the rule features alone)
# (0 and 0.1 were in the grid until the type model; cross-validation never came near choosing them, and
# each grid point costs a 5-fold fit of a 17-class model)
EMBEDDING_WEIGHTS = (0.25, 0.5, 1.0)


def feature_rows(found: dict) -> np.ndarray:
    from multipolar.embeddings import Embedder
    from multipolar.events.features import event_rows
    from multipolar.events.model import SENTENCE_TOKENS

    events = found["events"]
    texts: list[str] = []
    slot: dict[str, int] = {}
    sentence_of = []
    for e in events:
        if e.text not in slot:
            slot[e.text] = len(texts)
            texts.append(e.text)
        sentence_of.append(slot[e.text])
    embeddings = Embedder(threads=1, max_tokens=SENTENCE_TOKENS).embed(texts, max_tokens=SENTENCE_TOKENS)
    rows = np.zeros((len(events), 0), dtype=np.float32)
    parts = []
    start = 0
    # one call per document: the per-sentence features count events within a document
    while start < len(events):
        end = start
        while end < len(events) and found["groups"][end] == found["groups"][start]:
            end += 1
        parts.append(event_rows(events[start:end], embeddings=embeddings, sentence_of=sentence_of[start:end],
                                n_sentences=found["n_sentences"][start], context=found["context"][start]))
        start = end
    rows = np.vstack(parts) if parts else rows
    return rows


def unit_scores(found: dict, probs: np.ndarray, mask: np.ndarray, units: list[dict], threshold: float,
                kinds: list[str] | None = None) -> dict:
    """Per-unit (source, target, class) precision and recall of the events in `mask` over every unit in `units`,
    including those of documents where the rules made no candidate (their acts are missed, not left out: before
    2026-12-07 such documents were skipped, which left their acts out of the recall); `kinds`: the PLOVER type the
    model reads for each event (default: the rules' own)."""
    system: dict[str, set] = {}
    for i in np.flatnonzero(mask):
        e = found["events"][i]
        if probs[i] >= threshold and is_scored(e.source, e.target, negated=e.negated, modality=e.modality):
            key = act_key(e.source, e.target, e.plover, e.quad) if kinds is None else read_key(e, kinds[i])
            system.setdefault(found["owners"][i]["key"], set()).add(key)
    tp = fp = fn = 0
    for u in units:
        gold = {act_key(e["source"], e["target"], e["plover"]) for e in u["events"]}
        got = system.get(u["key"], set())
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def read_key(event, kind: str) -> tuple:
    """The event's (source, target, class) under the type the model reads (its own when the same)."""
    if kind == (event.plover or "").upper():
        return act_key(event.source, event.target, event.plover, event.quad)
    from multipolar.events.model import TYPE_CODES

    return act_key(event.source, event.target, kind, _ontology().quad(TYPE_CODES[kind]))


@lru_cache(maxsize=1)
def _ontology():
    from multipolar.events.ontology import Ontology
    from multipolar.settings import Settings

    settings = Settings()
    return Ontology.load(settings.goldstein_variant, plover_types=settings.plover_types)


def readings(probs: np.ndarray, classes: list[str], events: list) -> tuple[np.ndarray, list[str]]:
    """P and the type of each event from its row of class probabilities, as events/model.py reads them."""
    from multipolar.events.model import read_events

    pairs = read_events(probs, classes, events)
    return np.array([p for p, _ in pairs]), [k for _, k in pairs]


class ColumnWeights:
    """A pipeline step that multiplies each column by a fixed weight (the embedding's weight, 1 elsewhere)."""

    def __init__(self, weights: np.ndarray) -> None:
        self.weights = np.asarray(weights, dtype=np.float32)

    def fit(self, x: np.ndarray, y: np.ndarray | None = None) -> ColumnWeights:
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        return x * self.weights

    def get_params(self, deep: bool = True) -> dict:
        return {"weights": self.weights}

    def set_params(self, **params) -> ColumnWeights:
        self.weights = np.asarray(params.get("weights", self.weights), dtype=np.float32)
        return self


def column_weights(n_features: int, embedding_weight: float, n_embedding: int | None = None) -> np.ndarray:
    """Per-column weights: `embedding_weight` on the first `n_embedding` columns (the sentence embedding)."""
    if n_embedding is None:
        from multipolar.events.features import EMBEDDING_DIMENSIONS as n_embedding
    weights = np.ones(n_features, dtype=np.float32)
    weights[:n_embedding] = embedding_weight
    return weights


def make_model(make: Callable, weights: np.ndarray):
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), ColumnWeights(weights), make())


def _candidates(seed: int):
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    for c in (0.003, 0.01, 0.03):
        yield f"logistic C={c}", lambda c=c: LogisticRegression(C=c, max_iter=3000, random_state=seed)
    for alpha in (1.0,):
        yield f"mlp 32 alpha={alpha}", lambda a=alpha: MLPClassifier(hidden_layer_sizes=(32,), alpha=a, max_iter=600,
                                                                      early_stopping=True, random_state=seed)


def cross_validate(x: np.ndarray, y: np.ndarray, groups: np.ndarray, seed: int, *,
                   embedding_weights: tuple[float, ...] = EMBEDDING_WEIGHTS) -> tuple[str, float, np.ndarray, dict]:
    """The model and embedding weight of least log loss over 5 folds grouped by document: (name, weight,
    out-of-fold class probabilities [N, K], every candidate's log loss). `y` holds class indices."""
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold

    folds = list(GroupKFold(n_splits=5).split(x, y, groups))
    n_classes = int(y.max()) + 1
    losses: dict[str, dict[str, float]] = {}
    best: tuple[str, float, np.ndarray, float] = ("", 1.0, np.zeros((len(y), n_classes)), float("inf"))
    for weight in embedding_weights:
        weights = column_weights(x.shape[1], weight)
        losses[str(weight)] = {}
        for name, make in _candidates(seed):
            pred = np.full((len(y), n_classes), 1e-6)
            for train, test in folds:
                model = make_model(make, weights)
                model.fit(x[train], y[train])
                pred[np.ix_(test, model.classes_)] = model.predict_proba(x[test])  # a class a fold lacks stays ~0
            pred /= pred.sum(axis=1, keepdims=True)
            loss = log_loss(y, pred, labels=list(range(n_classes)))
            losses[str(weight)][name] = round(float(loss), 4)
            print(f"  CV embedding weight {weight}, {name}: log loss {loss:.4f}", file=sys.stderr)
            if loss < best[3]:
                best = (name, weight, pred, loss)
    return best[0], best[1], best[2], losses


def reliability(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict]:
    out = []
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        sel = (probs >= lo) & ((probs < hi) if hi < 1 else (probs <= hi))
        if sel.any():
            out.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(sel.sum()), "mean_probability": round(float(probs[sel].mean()), 3),
                        "observed": round(float(y[sel].mean()), 3)})
    return out


def export_onnx(model, path: Path, n_features: int) -> None:
    """The fitted scaler + classifier as one ONNX graph: features (float32 [N, D]) -> class probabilities [N, K]."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    scaler, clf = model.steps[0][1], model.steps[-1][1]
    weights = [step for _, step in model.steps[1:-1] if isinstance(step, ColumnWeights)]
    mean = scaler.mean_.astype(np.float32)
    scale = scaler.scale_.astype(np.float32)
    inits = [numpy_helper.from_array(mean, "mean"), numpy_helper.from_array(scale, "scale")]
    nodes = [helper.make_node("Sub", ["features", "mean"], ["centred"]),
             helper.make_node("Div", ["centred", "scale"], ["standard"])]
    if weights:
        inits.append(numpy_helper.from_array(weights[0].weights.astype(np.float32), "weights"))
        nodes.append(helper.make_node("Mul", ["standard", "weights"], ["scaled"]))
    else:
        nodes.append(helper.make_node("Identity", ["standard"], ["scaled"]))
    if hasattr(clf, "coefs_"):  # MLP: relu hidden layers, softmax output
        current = "scaled"
        for k, (w, b) in enumerate(zip(clf.coefs_, clf.intercepts_, strict=True)):
            inits += [numpy_helper.from_array(w.astype(np.float32), f"w{k}"),
                      numpy_helper.from_array(b.astype(np.float32), f"b{k}")]
            nodes += [helper.make_node("MatMul", [current, f"w{k}"], [f"m{k}"]),
                      helper.make_node("Add", [f"m{k}", f"b{k}"], [f"a{k}"])]
            current = f"a{k}"
            if k < len(clf.coefs_) - 1:
                nodes.append(helper.make_node("Relu", [current], [f"r{k}"]))
                current = f"r{k}"
        logit = current
    else:
        inits += [numpy_helper.from_array(clf.coef_.T.astype(np.float32), "w"),
                  numpy_helper.from_array(clf.intercept_.astype(np.float32), "b")]
        nodes += [helper.make_node("MatMul", ["scaled", "w"], ["m"]), helper.make_node("Add", ["m", "b"], ["logit"])]
        logit = "logit"
    n_classes = len(clf.classes_)
    if n_classes == 2:  # scikit-learn keeps one logit z for two classes: softmax([-z/2, z/2]) = [1 - sigmoid(z), sigmoid(z)]
        inits.append(numpy_helper.from_array(np.array([-0.5, 0.5], dtype=np.float32), "halves"))
        nodes.append(helper.make_node("Mul", [logit, "halves"], ["two"]))
        logit = "two"
    nodes.append(helper.make_node("Softmax", [logit], ["probability"], axis=1))
    graph = helper.make_graph(nodes, "act_model", [helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, n_features])],
                              [helper.make_tensor_value_info("probability", TensorProto.FLOAT, [None, n_classes])], inits)
    proto = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="multipolar")
    proto.ir_version = 9
    onnx.checker.check_model(proto)
    path.write_bytes(proto.SerializeToString())


def fit_and_export(found: dict, *, units: list[dict], seed: int, write: bool, is_heldout: Callable) -> dict:
    from multipolar.events.features import LAYOUT
    from multipolar.events.model import NO_ACT

    np.random.seed(seed)
    x = feature_rows(found)
    y = np.array(found["labels"])  # the rules' reading is right
    classes = [NO_ACT, *sorted({k for k in found["types"] if k != NO_ACT})]
    yk = np.array([classes.index(k) for k in found["types"]])  # the type the labels give the pair, or NONE
    groups = np.array(found["groups"])
    held = np.array([is_heldout(g) for g in groups])
    train_units = [u for u in units if not is_heldout(u["doc_id"])]
    held_units = [u for u in units if is_heldout(u["doc_id"])]
    name, weight, cv_pred, losses = cross_validate(x[~held], yk[~held], groups[~held], seed)
    cv_act, cv_kinds = readings(cv_pred, classes, [found["events"][i] for i in np.flatnonzero(~held)])
    all_cv = np.zeros(len(y))
    all_cv[~held] = cv_act
    kinds: list[str] = [(e.plover or "").upper() for e in found["events"]]
    for i, kind in zip(np.flatnonzero(~held), cv_kinds, strict=True):
        kinds[i] = kind
    train_mask = ~held
    rules = unit_scores(found, np.ones(len(y)), train_mask, train_units, 0.0)
    sweep = {float(t): unit_scores(found, all_cv, train_mask, train_units, float(t), kinds) for t in THRESHOLDS}
    threshold = max(sweep, key=lambda t: (sweep[t]["f1"], -t))
    print(f"  chosen {name}, embedding weight {weight}, threshold {threshold} (CV F1 {sweep[threshold]['f1']})",
          file=sys.stderr)
    make = dict(_candidates(seed))[name]
    model = make_model(make, column_weights(x.shape[1], weight))
    model.fit(x[~held], yk[~held])
    fitted = [classes[c] for c in model.steps[-1][1].classes_]
    held_act = np.zeros(len(y))
    held_kinds = list(kinds)
    if held.any():
        act, read = readings(model.predict_proba(x[held]), fitted, [found["events"][i] for i in np.flatnonzero(held)])
        held_act[held] = act
        for i, kind in zip(np.flatnonzero(held), read, strict=True):
            held_kinds[i] = kind
    # read with the type its own model gave it: out of fold on the training rows, the final model's held out
    right = np.array([int(read_key(e, held_kinds[i]) in {_gold_key(g) for g in found["owners"][i]["events"]})
                      for i, e in enumerate(found["events"])])
    retyped = sum(1 for i in np.flatnonzero(held) if held_kinds[i] != (found["events"][i].plover or "").upper())
    card = {
        "model": name,
        "embedding_weight": weight,
        "seed": seed,
        "threshold": threshold,
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "classes": fitted,
        "layout": list(LAYOUT),
        "data": {
            "units": len(units), "train_units": len(train_units), "heldout_units": len(held_units),
            "candidates": int(len(y)), "positive": int(y.sum()), "pair_acts": int((yk != 0).sum()),
            "train_candidates": int((~held).sum()), "heldout_candidates": int(held.sum()),
            "heldout_retyped": retyped,
            "gold_acts": sum(len(u["events"]) for u in units),
            "corpora": sorted({u["corpus"] for u in units}),
        },
        "cv_log_loss": losses,
        "cv": {"rules_only": rules, "with_model": sweep[threshold]},
        "heldout": {"rules_only": unit_scores(found, np.ones(len(y)), held, held_units, 0.0),
                    "with_model": unit_scores(found, held_act, held, held_units, threshold, held_kinds)},
        "reliability_cv": reliability(cv_act, right[~held]),
        "reliability_heldout": reliability(held_act[held], right[held]) if held.any() else [],
    }
    print(json.dumps({k: card[k] for k in ("model", "embedding_weight", "threshold", "classes", "data", "cv", "heldout")},
                     indent=1))
    if write:
        DATA.mkdir(parents=True, exist_ok=True)
        export_onnx(model, DATA / "act_model.onnx", x.shape[1])
        (DATA / "act_model.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
        (DATA / "act_model.md").write_text(data_card(card), encoding="utf-8")
        print(f"wrote {DATA / 'act_model.onnx'} and its card", file=sys.stderr)
    return card


def _gold_key(labelled: dict) -> tuple:
    return act_key(labelled["source"], labelled["target"], labelled["plover"])


def data_card(card: dict) -> str:
    """The act model's data card (events/data/act_model.md), made from its JSON card."""
    d, cv, held = card["data"], card["cv"], card["heldout"]

    def row(name: str, s: dict) -> str:
        return f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['tp']} / {s['fp']} / {s['fn']} |"

    lines = [
        "# The act model: data card",
        "",
        "Made by `make train` (`training/train_act_model.py`) from `act_model.json`; do not edit by hand.",
        "",
        "**What it does.** Gives each event the rules propose between two states a probability for each PLOVER type",
        "and for no act (NONE), by the real-news codebook. The probability of an act of the likeliest type's class",
        "(the summed probability of that class's types, `events/model.py: read`) is the event's `confidence`; events",
        f"below `event_min_probability` (default {card['threshold']}, chosen by cross-validation) are left out of",
        "`multipolar code` output and of relations. An asserted act the rules left untyped (CAMEO 01 statements, 02",
        "appeals) is recoded to the general CAMEO code of the type the model reads (rule `model.retype`; "
        f"{card['data']['heldout_retyped']} of the {card['data']['heldout_candidates']} held-out candidates).",
        "",
        f"**Classes.** {', '.join(card['classes'])}: each candidate is labelled with the type our labels give its",
        f"pair of states, or NONE ({card['data']['pair_acts']} of {card['data']['candidates']} candidates name a",
        "pair that acts; the rules' own reading is right for "
        f"{card['data']['positive']}).",
        "",
        f"**Model.** {card['model']} over the sentence's MiniLM embedding (384) and {len(card['layout']) - 384}",
        "features of the event (`events/features.py`); standardisation folded into the ONNX graph; seed "
        f"{card['seed']}; trained {card['trained']}.",
        "",
        f"**Embedding weight.** After standardisation the embedding's columns are multiplied by {card['embedding_weight']}",
        "(the event's own features by 1), chosen with the model by least log loss in 5-fold cross-validation",
        "grouped by document on the training labels (held-out documents left out). Best CV log loss per weight:",
        "",
        "| embedding weight | best model | CV log loss |",
        "|---|---|---|",
    ]
    for weight, by_model in card["cv_log_loss"].items():
        best = min(by_model, key=by_model.get)
        lines.append(f"| {weight} | {best} | {by_model[best]:.4f} |")
    lines += [
        "",
        "**Data.** Our own labels (`training/labels/`, ids and annotations only) of real text from",
        f"../shared/corpora ({', '.join(d['corpora'])}): {d['units']} units (news items and White House sentences),",
        f"{d['gold_acts']} labelled acts, {d['candidates']} rule candidates ({d['positive']} positive). Nothing from",
        "../shared/eval or the seeds. One document in five (by a hash of its id) is held out: never trained on,",
        "never looked at while writing rules.",
        "",
        "**Scores** (per unit, (source, target, class) as the real-news scorer counts them; tp / fp / fn):",
        "",
        "| set | precision | recall | F1 | tp / fp / fn |",
        "|---|---|---|---|---|",
        row("CV (5 folds by document), rules only", cv["rules_only"]),
        row("CV, with the model", cv["with_model"]),
        row("held out, rules only", held["rules_only"]),
        row("held out, with the model", held["with_model"]),
        "",
        "**Reliability** (held-out candidates: mean probability vs share whose act, read with the model's type, is",
        "labelled):",
        "",
        "| bin | n | mean probability | observed |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r['bin']} | {r['n']} | {r['mean_probability']} | {r['observed']} |" for r in card["reliability_heldout"]]
    lines += ["", "**Limits.** Recall is bounded by the rules: the model keeps, drops or retypes their candidates; it never",
              "adds a pair of states or turns one round. The labels were made",
              "by the project's helpers by the codebook and checked by sample; see training/labels/README.md."]
    return "\n".join(lines) + "\n"
