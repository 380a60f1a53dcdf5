"""Rules of events/imposers.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def _dropped_by(trace, rule):
    return [d for d in trace.dropped if d["rule"] == rule]


def test_a_measure_named_as_background_is_no_act_of_the_subject(coded):
    events, trace = coded("Chinese refiners paused purchases of Russian crude after the sanctions.")
    assert not [e for e in events if e.source == "CHN" and e.target == "RUS"]
    assert _dropped_by(trace, "imposers.background_measure")


def test_a_measure_amid_which_a_state_acts_is_no_act_of_it_either(coded):
    events, trace = coded("Turkish refiners halted purchases of Iranian oil amid the sanctions.")
    assert not [e for e in events if e.source == "TUR" and e.target == "IRN"]
    assert _dropped_by(trace, "imposers.background_measure")


def test_a_background_measure_that_names_its_imposer_stays(coded):
    events, trace = coded("Chinese refiners paused purchases of Russian crude after American sanctions on Rosneft.")
    assert [e for e in events if e.source == "USA" and e.plover == "SANCTION"]
    assert not _dropped_by(trace, "imposers.background_measure")


def test_states_listed_as_facing_tariffs_are_not_each_others_imposers(coded):
    events, trace = coded("The EU, Japan and South Korea faced new tariffs on Friday.")
    listed = {"IGO", "JPN", "KOR"}
    assert not [e for e in events if e.source and e.source[:3] in listed and e.plover == "SANCTION"]
    assert _dropped_by(trace, "imposers.fellow_targets")


def test_the_imposer_named_in_the_measure_keeps_the_act(coded):
    events, trace = coded("Chile, Peru and Norway faced new American tariffs.")
    assert [e for e in events if e.source == "USA" and e.plover == "SANCTION" and e.target in {"CHL", "PER", "NOR"}]
    assert not [d for d in _dropped_by(trace, "imposers.fellow_targets") if d["source"] == "USA"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Chinese commerce minister said Lithuania would face new tariffs if it did not change course.",
     ("CHN", "LTU", "13")),
    ("The Chinese commerce minister said Lithuania and Latvia would face new tariffs if they did not change course.",
     ("CHN", "LVA", "13")),
    ("Erdogan warned that Greece and Cyprus could face military action if they did not stop the drilling.",
     ("TUR", "CYP", "13")),
])
def test_a_measure_a_speaker_says_a_state_would_face_is_a_threat_to_it(coded, text, expected):
    events, trace = coded(text)
    hit = [e for e in events if (e.source, e.target, e.root) == expected]
    assert hit and hit[0].modality == "asserted" and "imposers.facing_threat" in trace.fired[hit[0].event_id]
    assert not [e for e in events if e.source == expected[1]]


def test_a_sanction_on_a_states_companies_is_a_sanction_on_that_state(coded):
    events, trace = coded("Japan sanctioned three Chinese companies for supplying drone parts.")
    hit = [e for e in events if (e.source, e.target, e.root) == ("JPN", "CHN", "16")]
    assert hit and hit[0].target_actor == "CHN" and "imposers.state_economy" in trace.fired[hit[0].event_id]


@pytest.mark.parametrize("text, threatened", [
    ("Lula said on Monday that Argentina had 30 days to settle the debt or face new duties.", "ARG"),
    ("The Canadian prime minister said Peru had until Friday to release the ship or face sanctions.", "PER"),
    # not an ultimatum: a modal "or would face", and a measure that is not there
    ("Brazil said Chile had agreed to the plan or would face new duties.", None),
    ("Lula said Argentina had 30 days to settle the debt or face no new duties.", None),
])
def test_act_or_face_a_measure_is_the_speakers_threat(coded, text, threatened):
    events, trace = coded(text)
    threats = [e for e in events if e.root == "13" and "imposers.ultimatum" in trace.fired.get(e.event_id, ())]
    assert [e.target for e in threats] == ([threatened] if threatened else [])
