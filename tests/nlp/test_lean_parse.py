"""Parsing only the pieces the selector keeps (setting `parse_only_actor_paragraphs`): one Doc of the whole
text, offsets into it, the left-out pieces tokenised with their own sentences. Sentences are the team's own."""

from __future__ import annotations

import dataclasses

import pytest

from multipolar.settings import Settings

pytestmark = pytest.mark.model

TEXT = (
    "Notes from the week.\n\n"
    "The bakery opened at nine. Bread sold out by noon.\n\n"
    "Russia sent a protest note to Japan on Monday. He said nothing more.\n\n"
    "Gardens bloomed early this spring."
)


@pytest.fixture(scope="module")
def coders():
    from multipolar.events.coder import EventCoder

    base = Settings()
    return {on: EventCoder(dataclasses.replace(base, parse_only_actor_paragraphs=on)) for on in (False, True)}


def test_lean_parse_gives_one_doc_of_the_whole_text(coders):
    doc = coders[True].pipeline.parse_one(TEXT)
    assert doc.text == TEXT


def test_lean_parse_leaves_unkept_pieces_untagged_with_their_own_sentences(coders):
    from multipolar.nlp.pipeline import sentences

    doc = coders[True].pipeline.parse_one(TEXT)
    bakery = TEXT.index("The bakery")
    assert all(not tok.tag_ for tok in doc if bakery <= tok.idx < TEXT.index("Russia"))
    assert any(tok.tag_ for tok in doc if tok.idx >= TEXT.index("Russia"))
    spans = [(s.start, s.end) for s in sentences(doc, doc_id="d")]
    assert (bakery, bakery + len("The bakery opened at nine.")) in spans
    assert all(0 <= s < e <= len(TEXT) for s, e in spans)


def test_lean_parse_codes_the_same_events_as_the_full_parse(coders):
    def coded(on: bool) -> list[tuple]:
        return [(e.cameo, e.source_actor, e.target_actor, e.trigger) for e in coders[on].code_text(TEXT, doc_id="d")]

    assert coded(True) == coded(False)
    assert coded(True)


def test_lean_parse_of_several_texts_keeps_their_order(coders):
    texts = [TEXT, "Only a line about bread.", TEXT.replace("Russia", "China")]
    docs = list(coders[True].pipeline.parse(texts))
    assert [doc.text for doc in docs] == texts


def test_lean_parse_keeps_a_piece_with_a_number_phrase(coders):
    text = "Notes from the week.\n\nThe bakery sold bread. Sales rose by 40% in May.\n\nGardens bloomed."
    doc = coders[True].pipeline.parse_one(text)
    assert any(tok.tag_ for tok in doc if tok.idx >= text.index("Sales"))
    assert not any(tok.tag_ for tok in doc if tok.idx >= text.index("Gardens"))


def test_lean_pipeline_pickles_with_its_selector(coders):
    import pickle

    pipeline = pickle.loads(pickle.dumps(coders[True].pipeline))
    assert pipeline.selector is not None


def test_lean_parse_tokenises_a_long_left_out_run_in_pieces(coders, monkeypatch):
    from multipolar.nlp import pipeline as nlp_pipeline

    monkeypatch.setattr(nlp_pipeline, "CHUNK_CHARS", 60)
    text = "Russia sent a note.\n\n" + "The bakery opened at nine and sold bread.\n\n" * 6 + "Japan replied."
    doc = coders[True].pipeline.parse_one(text)
    assert doc.text == text
    assert not any(tok.tag_ for tok in doc if text.index("The bakery") <= tok.idx < text.index("Japan"))


def test_join_docs_gives_what_doc_from_docs_gives(coders):
    from spacy.tokens import Doc

    from multipolar.nlp.pipeline import join_docs, unparsed_doc

    nlp = coders[True].pipeline.nlp
    parts = [next(nlp.pipe([TEXT[:60]])), unparsed_doc(nlp, TEXT[60:120]), nlp.make_doc(""), next(nlp.pipe([TEXT[120:]]))]
    joined = join_docs(parts)
    expected = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
    assert joined.text == TEXT
    assert joined.to_bytes(exclude=["tensor"]) == expected.to_bytes(exclude=["tensor"])
