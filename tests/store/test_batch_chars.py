"""Analysis batches sized by characters: the store hands out documents up to a character budget, and the
nlp stage groups its texts by characters, so a worker's memory follows text length, not a count."""

from __future__ import annotations

from multipolar.records import Document, RawDocument
from multipolar.store.analysis import unanalysed


def _store_with(store, lengths):
    raws = [RawDocument(source_uri=f"mem://{i}", raw=f"doc {i}".encode(), raw_format="txt") for i in range(len(lengths))]
    store.add_raw(raws)
    docs = [Document(doc_id=r.doc_id, source_uri=r.source_uri, raw_format="txt", text="x" * n)
            for r, n in zip(raws, lengths, strict=True)]
    store.save_clean(docs, stage="clean.v1")
    return sorted(r.doc_id for r in raws)


def test_unanalysed_stops_before_the_character_budget(store):
    ids = _store_with(store, [10, 10, 10])
    batch = unanalysed(store, limit=10, after=None, max_chars=25)
    assert [item.doc_id for item in batch] == ids[:2]


def test_unanalysed_hands_out_a_document_longer_than_the_budget_alone(store):
    ids = _store_with(store, [40, 10])
    assert len(unanalysed(store, limit=10, after=None, max_chars=25)) == 1
    assert [item.doc_id for item in unanalysed(store, limit=10, after=ids[0], max_chars=25)] == ids[1:]


def test_unanalysed_without_budget_is_bounded_by_count(store):
    _store_with(store, [10, 10, 10])
    assert len(unanalysed(store, limit=2, after=None)) == 2


class _RecordingNlp:
    def __init__(self):
        self.groups = []

    def pipe(self, texts, batch_size):
        texts = list(texts)
        self.groups.append([len(t) for t in texts])
        return iter(_Doc(t) for t in texts)


class _Doc(str):
    """A parsed text as far as `parse` is concerned: equal to its text, with a `tensor` it may drop."""

    tensor = None


def test_nlp_parse_groups_texts_by_characters_and_count():
    from multipolar.nlp.pipeline import NlpPipeline
    from multipolar.settings import Settings

    pipeline = NlpPipeline.__new__(NlpPipeline)
    pipeline.settings = Settings(nlp_batch_chars=100, nlp_batch_size=3)
    pipeline.nlp = _RecordingNlp()
    pipeline.selector = None  # no paragraph selection: every text is parsed whole
    texts = ["a" * 60, "b" * 30, "c" * 20, "d" * 5, "e" * 5, "f" * 5, "g" * 150]
    assert list(pipeline.parse(texts)) == texts
    assert pipeline.nlp.groups == [[60, 30], [20, 5, 5], [5], [150]]
