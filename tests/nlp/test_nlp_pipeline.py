import pytest

from multipolar.nlp.pipeline import NlpPipeline, sentences

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline():
    return NlpPipeline()


def test_pipeline_parse_streams_docs_in_order(pipeline):
    texts = ["Putin met Xi.", "Modi visited Moscow.", "Nothing."]
    docs = list(pipeline.parse(texts, batch_size=2))
    assert [d.text for d in docs] == texts


def test_pipeline_sentences_have_char_offsets(pipeline):
    text = "Putin met Xi in Moscow. They held talks on trade."
    doc = pipeline.parse_one(text)
    sents = sentences(doc, doc_id="d")
    assert [s.idx for s in sents] == [0, 1]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_pipeline_adds_the_actor_ruler():
    class Resolver:
        def add_to_pipeline(self, nlp):
            nlp.add_pipe("entity_ruler", name="actor_ruler", before="ner")

    pipeline = NlpPipeline(resolver=Resolver())
    assert pipeline.nlp.pipe_names.index("actor_ruler") < pipeline.nlp.pipe_names.index("ner")


def test_pipeline_pickles_and_rebuilds():
    import pickle

    pipeline = NlpPipeline()
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.nlp.pipe_names == pipeline.nlp.pipe_names
    assert [t.dep_ for t in clone.parse_one("Putin met Xi.")] == [t.dep_ for t in pipeline.parse_one("Putin met Xi.")]


def test_markdown_links_are_blanked_in_place(pipeline):
    # rule nlp.markdown_links: the link's words stay where they were; its marks and address become blanks
    text = "Chile [pledged](https://example.org/news/2024/a-long-address) to invest in Peru. See ![a map](/m.png)."
    doc = pipeline.parse_one(text)
    assert len(doc.text) == len(text)
    assert "https" not in doc.text and "](" not in doc.text
    pledged = next(t for t in doc if t.text == "pledged")
    assert text[pledged.idx:pledged.idx + len("pledged")] == "pledged"
    assert pledged.head.text == "Chile" or pledged.dep_ == "ROOT"


def test_text_without_links_is_untouched(pipeline):
    text = "Chile [sic] met Peru (in Lima) on Monday; the ministers [of both] spoke."
    assert pipeline.parse_one(text).text == text
