"""Texts longer than spaCy takes at once: cut at breaks, parsed in pieces, joined with the original offsets;
a document the analysis cannot take becomes a rejection while the rest of its batch goes on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multipolar.nlp import pipeline as nlp_pipeline
from multipolar.nlp.pipeline import split_long


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=4, max_value=60))
@settings(max_examples=200, deadline=None)
def test_split_long_pieces_join_to_the_text_and_fit_the_limit(text, limit):
    pieces = split_long(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)


def test_split_long_cuts_after_a_paragraph_break_when_there_is_one():
    text = "First paragraph here.\nSecond one follows and runs on."
    assert split_long(text, 32) == ["First paragraph here.\n", "Second one follows and runs on."]


def test_split_long_cuts_after_a_sentence_when_no_paragraph_break_fits():
    text = "One short sentence. Another sentence that runs on"
    assert split_long(text, 30)[0] == "One short sentence. "


def test_split_long_leaves_a_short_text_whole():
    assert split_long("Putin met Xi.", 100) == ["Putin met Xi."]


@pytest.mark.model
def test_parse_of_a_long_text_in_pieces_keeps_the_whole_texts_offsets(monkeypatch):
    from multipolar.events.coder import EventCoder
    from multipolar.nlp.pipeline import sentences

    coder = EventCoder()
    text = ("Russian President Vladimir Putin and Chinese President Xi Jinping held a video call on Tuesday.\n"
            "The United States imposed sanctions on Russian oil companies on Friday.\n") * 3
    whole = coder.pipeline.parse_one(text)
    monkeypatch.setattr(nlp_pipeline, "CHUNK_CHARS", 120)
    pieced = coder.pipeline.parse_one(text)
    assert pieced.text == text
    assert [(s.start, s.end) for s in sentences(pieced, doc_id="d")] == [(s.start, s.end) for s in sentences(whole, doc_id="d")]
    events = [(e.source_actor, e.cameo, e.target_actor, e.span) for e in coder.code_doc(pieced, doc_id="d", published=None)]
    assert events == [(e.source_actor, e.cameo, e.target_actor, e.span) for e in coder.code_doc(whole, doc_id="d", published=None)]
    # the token vectors are dropped after the parse (nothing reads them; a long text's would cost 0.4 KB a token)
    assert whole.tensor.size == 0 and pieced.tensor.size == 0


class _FailingPipeline:
    """Parses with a blank English pipeline, and fails on any text holding BOOM (alone or in a batch)."""

    def __init__(self):
        import spacy

        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")

    def parse(self, texts, n_process=1):
        for text in texts:
            if "BOOM" in text:
                raise ValueError("the parser gave up")
            yield self.nlp(text)

    def parse_one(self, text):
        return next(self.parse([text]))


class _Coder:
    def __init__(self):
        self.pipeline = _FailingPipeline()
        self.resolver = self

    def resolve(self, doc, on=None):
        return []

    def code_doc(self, doc, **kwargs):
        return []


def test_analyse_stage_makes_a_failing_document_a_rejection_and_goes_on():
    from multipolar.analyse import AnalyseStage, Analysis, AnalysisInput
    from multipolar.records import Rejection
    from multipolar.settings import Settings

    class _Embedder:  # the story embedding of each analysed lead: a fixed-size row, no model
        def embed(self, texts, **_):
            return [[float(len(t))] * 4 for t in texts]

    stage = AnalyseStage.__new__(AnalyseStage)
    stage.settings, stage.coder, stage._embedder = Settings(), _Coder(), _Embedder()
    batch = [AnalysisInput(f"d{i}", f"mem://{i}", text, None)
             for i, text in enumerate(["Ministers met. They talked.", "BOOM goes the parser.", "Talks went on."])]
    results = stage.process(batch)
    assert [type(r) for r in results] == [Analysis, Rejection, Analysis]
    assert results[1].doc_id == "d1" and results[1].code == "internal_error"
    assert [len(r.sentences) for r in (results[0], results[2])] == [2, 1]
