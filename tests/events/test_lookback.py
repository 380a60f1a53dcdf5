"""events/lookback.py: a doc's sentences listed once, on Docs built by hand (no model)."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

SENTENCES = [
    (["The", "ministers", "met", "in", "Oslo", "."], ["the", "minister", "meet", "in", "Oslo", "."]),
    (["Rain", "fell", "."], ["rain", "fall", "."]),
    (["They", "held", "talks", "."], ["they", "hold", "talk", "."]),
    (["Prices", "rose", "."], ["price", "rise", "."]),
]


@pytest.fixture
def doc() -> Doc:
    words = [w for ws, _ in SENTENCES for w in ws]
    lemmas = [lemma for _, ls in SENTENCES for lemma in ls]
    starts = [k == 0 for ws, _ in SENTENCES for k in range(len(ws))]
    return Doc(Vocab(), words=words, lemmas=lemmas, sent_starts=starts)


def test_sentences_ending_by_match_a_scan_of_doc_sents(doc):
    from multipolar.events.lookback import Sentences

    sentences = Sentences(doc)
    for token in range(len(doc) + 1):
        expected = [(s.start, s.end) for s in doc.sents if s.end <= token]
        assert [(s.start, s.end) for s in sentences.ending_by(token)] == expected


def test_sentences_starting_by_match_a_scan_of_doc_sents(doc):
    from multipolar.events.lookback import Sentences

    sentences = Sentences(doc)
    for token in range(len(doc) + 1):
        expected = [(s.start, s.end) for s in doc.sents if s.start <= token]
        assert [(s.start, s.end) for s in sentences.starting_by(token)] == expected


def test_sentences_before_the_first_are_none(doc):
    from multipolar.events.lookback import Sentences

    assert Sentences(doc).ending_by(0) == []


def test_has_cue_finds_a_cue_lemma(doc):
    from multipolar.events.lookback import Sentences

    sentences = Sentences(doc, cues=frozenset({"meet", "talk"}))
    assert [sentences.has_cue(s) for s in sentences.spans] == [True, False, True, False]


def test_has_cue_without_cues_is_false(doc):
    from multipolar.events.lookback import Sentences

    sentences = Sentences(doc)
    assert not any(sentences.has_cue(s) for s in sentences.spans)


def test_has_cue_answers_the_same_when_asked_again(doc):
    from multipolar.events.lookback import Sentences

    sentences = Sentences(doc, cues=frozenset({"rise"}))
    first = [sentences.has_cue(s) for s in sentences.spans]
    assert first == [sentences.has_cue(s) for s in reversed(sentences.spans)][::-1] == [False, False, False, True]
