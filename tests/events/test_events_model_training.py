"""The act model's training code (training/fit.py): the ONNX export computes what scikit-learn computes."""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

import fit  # noqa: E402 - training/ is not a package


def _data(seed=0, n=300, d=12, classes=3):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, d)).astype(np.float32) * rng.uniform(0.5, 5, size=d).astype(np.float32)
    score = x[:, 0] - 0.5 * x[:, 3] + rng.normal(scale=0.5, size=n)
    y = np.digitize(score, np.quantile(score, np.linspace(0, 1, classes + 1)[1:-1]))  # classes 0 .. classes-1
    return x, y


@pytest.mark.parametrize("classes", [3, 2])
@pytest.mark.parametrize("name", ["logistic C=0.03", "mlp 32 alpha=1.0"])
def test_fit_export_onnx_matches_sklearn(tmp_path, name, classes):
    import onnxruntime as ort
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x, y = _data(classes=classes)
    model = make_pipeline(StandardScaler(), dict(fit._candidates(13))[name]())
    model.fit(x, y)
    path = tmp_path / "m.onnx"
    fit.export_onnx(model, path, x.shape[1])
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (got,) = session.run(None, {"features": x})
    assert got.shape == (len(x), classes)
    np.testing.assert_allclose(got, model.predict_proba(x), atol=1e-4)


@pytest.mark.parametrize("weight", [0.0, 0.25])
def test_fit_export_onnx_keeps_the_embedding_weight(tmp_path, weight):
    import onnxruntime as ort

    x, y = _data()
    model = fit.make_model(dict(fit._candidates(13))["logistic C=0.03"], fit.column_weights(x.shape[1], weight, 4))
    model.fit(x, y)
    path = tmp_path / "m.onnx"
    fit.export_onnx(model, path, x.shape[1])
    (got,) = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {"features": x})
    np.testing.assert_allclose(got, model.predict_proba(x), atol=1e-4)


def test_fit_embedding_weight_zero_ignores_the_embedding_columns():
    x, y = _data()
    model = fit.make_model(dict(fit._candidates(13))["logistic C=0.03"], fit.column_weights(x.shape[1], 0.0, 4))
    model.fit(x, y)
    noisy = x.copy()
    noisy[:, :4] = np.random.default_rng(1).normal(size=(len(x), 4)) * 100
    np.testing.assert_allclose(model.predict_proba(noisy)[:, 1], model.predict_proba(x)[:, 1])


def test_fit_cross_validation_chooses_a_listed_weight():
    x, y = _data(n=200)
    groups = np.arange(len(y)) % 20
    name, weight, pred, losses = fit.cross_validate(x, y, groups, 13, embedding_weights=(0.0, 1.0))
    assert weight in (0.0, 1.0) and name in losses[str(weight)]
    assert pred.shape == (len(y), 3) and set(losses) == {"0.0", "1.0"}
    np.testing.assert_allclose(pred.sum(axis=1), 1.0, atol=1e-6)


def test_fit_reliability_bins_count_every_row():
    probs = np.array([0.05, 0.15, 0.55, 0.95, 1.0])
    y = np.array([0, 0, 1, 1, 1])
    bins = fit.reliability(probs, y)
    assert sum(b["n"] for b in bins) == 5
    assert bins[-1]["observed"] == 1.0


def test_unit_scores_count_the_acts_of_a_document_without_candidates_as_missed():
    from types import SimpleNamespace

    act = SimpleNamespace(source="USA", target="RUS", plover="SANCTION", quad=4, negated=False, modality="asserted")
    found = {"events": [act], "groups": ["a"], "owners": [{"key": "ka"}]}
    units = [{"doc_id": "a", "key": "ka", "events": [{"source": "USA", "target": "RUS", "plover": "SANCTION"}]},
             {"doc_id": "b", "key": "kb", "events": [{"source": "CHN", "target": "TWN", "plover": "THREATEN"}]}]
    scores = fit.unit_scores(found, np.ones(1), np.ones(1, dtype=bool), units, 0.5)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (1, 0, 1)
