"""Selection of a sentence's acts in events/clauses.py, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def test_an_earlier_act_after_following_stands_beside_the_main_act(coded):
    events, trace = coded("The visit marked the third meeting between Macron and Modi in a year, following "
                          "Scholz's recent phone call with Modi.")
    pairs = {frozenset((e.source, e.target)) for e in events if e.root == "04"}
    assert frozenset(("FRA", "IND")) in pairs and frozenset(("DEU", "IND")) in pairs
    call = [e for e in events if e.source == "DEU" or e.target == "DEU"]
    assert "clauses.prior_act" in trace.fired[call[0].event_id]


def test_a_second_act_of_the_same_parties_is_not_kept_twice(coded):
    events, _ = coded("Macron met Modi in Paris, following Macron's phone call with Modi.")
    assert len({e.trigger for e in events if e.root == "04"}) == 1


def test_a_main_clause_act_alone_is_kept(coded):
    events, trace = coded("Macron met Modi in Paris on Monday.")
    met = [e for e in events if e.root == "04"]
    assert met and not any("clauses.prior_act" in trace.fired[e.event_id] for e in met)


def test_a_second_verb_of_the_same_subject_is_a_second_act(coded):
    events, trace = coded("Brazil signed a trade agreement with Argentina and condemned Venezuela on Friday.")
    targets = {e.target for e in events if e.source == "BRA"}
    assert {"ARG", "VEN"} <= targets
    condemned = [e for e in events if e.target == "VEN"]
    assert "clauses.coordinated_act" in trace.fired[condemned[0].event_id]


def test_a_conjoined_verb_with_its_own_subject_is_not_taken_as_the_first_subjects_act(coded):
    events, trace = coded("Brazil signed a trade agreement with Argentina, and Chile condemned Venezuela.")
    assert not any(e.source == "BRA" and e.target == "VEN" for e in events)
    assert not any("clauses.coordinated_act" in trace.fired[e.event_id] for e in events)


def test_an_after_clause_with_its_own_subject_is_an_earlier_act(coded):
    events, trace = coded("Bolivia protested after Peruvian troops detained two Bolivian soldiers.")
    detained = [e for e in events if e.source == "PER" and e.target == "BOL" and e.root == "17"]
    assert detained and "clauses.prior_clause" in trace.fired[detained[0].event_id]


def test_an_after_clause_without_a_subject_is_no_earlier_act(coded):
    events, trace = coded("Bolivia protested to Peru after detaining two Peruvian soldiers.")
    assert not any("clauses.prior_clause" in names for names in trace.fired.values())


def test_the_issuers_act_without_a_target_frames_the_act_it_speaks_of(official):
    events, trace = official("We have talked about how we will mark one year of Russia's brutal war against Ukraine.")
    war = [e for e in events if (e.source, e.target) == ("RUS", "UKR")]
    assert war and "clauses.speaker_frame" in trace.fired[war[0].event_id]


def test_the_issuers_act_with_a_target_stays_the_main_act(official):
    events, _ = official("We condemn Russia's invasion of Ukraine.")
    assert {(e.source, e.target) for e in events if e.target} == {("USA", "RUS")}


def test_a_targetless_act_of_a_named_state_frames_nothing(coded):
    # only the issuer.* rules' mentions frame: a news text keeps the main act alone, as before
    events, trace = coded("The United States has talked about how it will mark one year of Russia's brutal war "
                          "against Ukraine.")
    assert not any("clauses.speaker_frame" in trace.fired.get(e.event_id, []) for e in events)


def test_the_issuers_frame_keeps_its_own_deeper_acts_left_out(official):
    events, trace = official("Make no mistake: if Brazil threatens our sovereignty, we will act and protect our country.")
    assert not any("clauses.speaker_frame" in trace.fired.get(e.event_id, []) for e in events)
