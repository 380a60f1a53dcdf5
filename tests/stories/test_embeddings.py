import pickle

import numpy as np
import pytest

from multipolar.embeddings import Embedder


@pytest.fixture(scope="module")
def embedder():
    return Embedder(threads=1)


@pytest.mark.model
def test_embed_returns_unit_rows_in_input_order(embedder):
    vectors = embedder.embed(["Putin and Xi held a video call.", "Stocks fell in Tokyo.", ""])
    assert vectors.shape == (3, 384)
    assert np.linalg.norm(vectors[:2], axis=1) == pytest.approx([1.0, 1.0], abs=1e-4)
    assert not vectors[2].any()


@pytest.mark.model
def test_embed_similar_sentences_are_closer(embedder):
    a, b, c = embedder.embed(["The cat sat on the mat.", "A cat was sitting on a mat.", "Oil prices rose."])
    assert a @ b > a @ c


@pytest.mark.model
def test_embedder_survives_pickling(embedder):
    copy = pickle.loads(pickle.dumps(embedder))
    text = ["Russia and China signed a trade deal."]
    assert np.allclose(copy.embed(text), embedder.embed(text))
