"""Rule headlines.present_act (events/headlines.py): a headline's present-tense act that the parse misses, on
invented headlines (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def _by_rule(events, trace):
    return [e for e in events if "headlines.present_act" in trace.fired.get(e.event_id, [])]


@pytest.mark.parametrize("text, pair", [
    ("Greece summons Turkish envoy over airspace violation", ("GRC", "TUR")),
    ("Putin hosts Modi in Moscow for talks", ("RUS", "IND")),
])
def test_a_headline_verb_read_as_a_noun_still_acts(coded, text, pair):
    events, trace = coded(text)
    assert pair in {(e.source, e.target) for e in _by_rule(events, trace)}


def test_a_headline_verb_read_as_a_patient_noun_is_still_the_verb(coded):
    # "US captures" is no noun of what befell the US (roles.patient_noun): the headline reads it as its verb
    events, _ = coded("Calm returns to Caracas after US captures Maduro")
    assert ("USA", "VEN") in {(e.source, e.target) for e in events if e.root == "17"}
    events, _ = coded("Protests spread after Maduro's capture")
    assert not [e for e in events if e.root == "17"]


def test_two_subjects_of_a_mutual_headline_act_act_on_each_other(coded):
    events, trace = coded("Armenia, Azerbaijan trade fire along border")
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= {(e.source, e.target) for e in _by_rule(events, trace)}


@pytest.mark.parametrize("text", [
    "Norway summoned the Danish envoy over the fishing row on Tuesday.",  # a sentence: the parse reads it
    "Norway to host Danish envoy for talks",  # a plan
    "Norway says Danish envoy was summoned",  # a statement
])
def test_no_word_order_reading_outside_a_headlines_present_act(coded, text):
    events, trace = coded(text)
    assert not _by_rule(events, trace)


def test_two_subjects_trading_an_act_do_it_to_each_other(coded):
    events, trace = coded("Sudan and Chad trade allegations of border raids")
    pairs = {(e.source, e.target, e.plover) for e in _by_rule(events, trace)}
    assert {("SDN", "TCD", "ACCUSE"), ("TCD", "SDN", "ACCUSE")} <= pairs


def test_a_headlines_condition_is_no_act(coded):
    events, trace = coded("Alliance is finished if Russia invades Estonia, Finnish PM warns")
    assert not _by_rule(events, trace)


def test_a_headlines_verb_is_read_beside_another_candidate_of_the_line(coded):
    # the parse finds an act elsewhere in the line ("seized"), but not the headline's own verb; "halt assistance"
    # is the lexicon's phrase (162) that the word-order reading needs
    events, trace = coded("Canada halts assistance to Haiti over claims aid was seized")
    assert ("CAN", "HTI", "SANCTION") in {(e.source, e.target, e.plover) for e in _by_rule(events, trace)}
