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


@pytest.mark.model
def test_encode_of_a_prefix_equals_encoding_the_whole_text(embedder):
    sep = embedder._tokenizer.token_to_id("[SEP]")
    long = ("The president met the prime minister at the White House on Tuesday to discuss trade, "
            "security and the war. ") * 40
    texts = [long, "Short text.", "x" * 5000, "word " * 2000, "Ünïcödé naïve café " * 300, ""]
    for limit in (8, 48, 256):
        whole = [e.ids for e in embedder._tokenizer.encode_batch(texts)]
        whole = [ids if len(ids) <= limit else ids[: limit - 1] + [sep] for ids in whole]
        assert embedder._encode(texts, limit) == whole


@pytest.mark.model
def test_embed_repeated_texts_give_the_same_rows(embedder):
    texts = ["Oil prices rose.", "The cat sat on the mat.", "Oil prices rose."]
    vectors = embedder.embed(texts)
    assert np.array_equal(vectors[0], vectors[2])
    assert np.allclose(vectors[:2], embedder.embed(texts[:2]), atol=1e-5)


@pytest.mark.parametrize("lengths", [[5], [3, 3, 3], list(range(1, 40)), [128] * 40, [1, 128, 2, 127, 60, 61, 62]])
def test_length_batches_hold_each_text_once_with_little_padding(lengths):
    from multipolar.embeddings import _LENGTH_SLACK, _length_batches

    lengths = np.array(lengths)
    batches = _length_batches(lengths, 16)
    assert sorted(np.concatenate(batches).tolist()) == list(range(len(lengths)))
    assert all(len(b) <= 16 and lengths[b].max() - lengths[b].min() <= _LENGTH_SLACK for b in batches)


@pytest.mark.model
def test_a_vector_does_not_depend_on_the_texts_padded_with_it(embedder, monkeypatch):
    import multipolar.embeddings as embeddings

    texts = ["Ministers met in an invented harbour town on Monday to talk about ferry fees.", "Talks ended.",
             "The two delegations agreed to meet again next spring, an aide to one of them told reporters "
             "after a long day of talks about fishing quotas, ferry fees and the harbour's new pier.", "Rain."]
    monkeypatch.setattr(embeddings, "_LENGTH_SLACK", 10_000)  # one batch, padded to the longest text
    padded = embedder.embed(texts)
    monkeypatch.setattr(embeddings, "_LENGTH_SLACK", 0)
    assert np.array_equal(padded, embedder.embed(texts))
