"""Rules of events/modality.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def dropped_by(trace):
    return {d["rule"] for d in trace.dropped}


def test_a_question_is_no_event(coded):
    events, trace = coded("Will Japan retaliate against China over the detained fishermen?")
    assert not [e for e in events if e.target]
    assert "modality.question" in dropped_by(trace)


def test_a_topic_noun_is_no_act(coded):
    events, trace = coded("Lavrov and Wang touched on the war in Ukraine.")
    assert not [e for e in events if e.root in ("18", "19", "20")]
    assert "modality.topic_noun" in dropped_by(trace)


def test_what_a_measure_damages_is_no_act(coded):
    events, _ = coded("The new levies damage normal trade cooperation between China and Canada.")
    assert not [e for e in events if e.root == "06"]


def test_an_idiom_is_no_act(coded):
    events, trace = coded("Lavrov called into question the American proposal.")
    assert not [e for e in events if e.root == "04"]
    assert "modality.idiom" in dropped_by(trace)


def test_leaving_a_summit_is_no_withdrawal(coded):
    events, trace = coded("Trump and Putin shook hands before leaving the summit in Alaska.")
    assert not [e for e in events if e.root == "16"]
    assert "modality.departure" in dropped_by(trace) or "modality.idiom" in dropped_by(trace)


def test_an_asserted_meeting_stays(coded):
    events, _ = coded("Macron met Modi in Paris on Tuesday.")
    assert {(e.source, e.target) for e in events if e.root == "04"} >= {("FRA", "IND")}
