"""Rules of events/talks.py and the listed subjects of a mutual act (syntax.subject_list), on invented
sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Kenya discussed the conflict in Somalia with Ethiopia.",
    "Brazil discussed the crisis in Haiti with Canada.",
])
def test_a_partner_the_parse_hangs_inside_the_topic_is_consulted_each_way(coded, text):
    events, trace = coded(text)
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert len(pairs) == 2 and {(b, a) for a, b in pairs} == pairs
    assert not {"SOM", "HTI"} & {t for _, t in pairs}
    assert all("talks.topic_partner" in trace.fired[e.event_id] for e in events if e.root == "04")


def test_a_topic_with_no_partner_is_still_no_party(coded):
    events, trace = coded("Brazil discussed the crisis in Haiti on Monday.")
    assert not [e for e in events if e.root == "04" and e.target]
    assert not any("talks.topic_partner" in names for names in trace.fired.values())


@pytest.mark.parametrize("text", [
    "The leaders of Brazil, Mexico and Chile met in Lima on Friday.",
    "The foreign ministers of Egypt, Jordan and Qatar held talks on Sunday.",
])
def test_every_pair_of_a_listed_subject_of_three_states_meets(coded, text):
    events, trace = coded(text)
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    states = {s for s, _ in pairs}
    assert len(states) == 3 and pairs == {(a, b) for a in states for b in states if a != b}
    assert all("syntax.subject_list" in trace.fired[e.event_id] for e in events if e.root == "04")


@pytest.mark.parametrize("text", [
    "Brazil and Argentina exchanged threats on Friday.",
    "Peru and Chile traded accusations over the border.",
])
def test_a_one_sided_act_two_states_exchange_is_aimed_at_each_other(coded, text):
    events, trace = coded(text)
    pairs = {(e.source, e.target) for e in events if e.root in ("11", "13")}
    assert len(pairs) == 2 and {(b, a) for a, b in pairs} == pairs and None not in {t for _, t in pairs}
    assert all("talks.exchange" in trace.fired[e.event_id] for e in events if e.root in ("11", "13"))


def test_an_exchange_with_a_third_state_is_aimed_at_it(coded):
    events, trace = coded("Brazil and Argentina exchanged accusations with Paraguay.")
    assert ("BRA", "ARG") not in {(e.source, e.target) for e in events}
    assert not any("talks.exchange" in names for names in trace.fired.values())


@pytest.mark.parametrize("text", [
    "Kenya and Uganda held talks with Tanzania in Arusha on Monday.",
    "Norway and Sweden met with Finland on Thursday.",
])
def test_a_with_partner_of_two_coordinated_states_is_met_by_each(coded, text):
    events, trace = coded(text)
    third = {"TZA", "FIN"}
    reached = {(e.source, e.target) for e in events if e.root == "04" and e.target in third}
    assert len(reached) == 2 and len({s for s, _ in reached}) == 2
    assert all("talks.with_partner" in trace.fired[e.event_id] for e in events if e.target in third)


def test_a_with_phrase_after_the_object_of_discuss_is_left_to_the_topic_rule(coded):
    events, trace = coded("Kenya and Uganda discussed fishing rights with Tanzania.")
    assert not [e for e in events if e.target == "TZA"]
    assert not any("talks.with_partner" in names for names in trace.fired.values())


def test_a_meeting_with_two_states_at_once_is_a_meeting_between_them_too(coded):
    # rule talks.joint_meeting: the codebook codes talks once per pair of their parties
    events, trace = coded("The Kenyan president met today with the president of Uganda and the prime minister of "
                          "Rwanda on the sidelines of the summit.")
    pairs = {frozenset((e.source, e.target)) for e in events if e.root == "04"}
    assert {frozenset(("KEN", "UGA")), frozenset(("KEN", "RWA")), frozenset(("UGA", "RWA"))} <= pairs
    joint = [e for e in events if {e.source, e.target} == {"UGA", "RWA"}]
    assert len(joint) == 1 and "talks.joint_meeting" in trace.fired[joint[0].event_id]


@pytest.mark.parametrize("text", [
    "The Kenyan president met separately with the presidents of Uganda and Rwanda.",
    "The Kenyan president met with the Ugandan foreign minister in Kigali, Rwanda.",
    "The Kenyan president met with ambassadors from Uganda, Rwanda, Tanzania, Burundi and Ethiopia.",
])
def test_meetings_held_apart_or_a_venue_are_no_joint_meeting(coded, text):
    events, _ = coded(text)
    assert not [e for e in events if {e.source, e.target} == {"UGA", "RWA"}]
