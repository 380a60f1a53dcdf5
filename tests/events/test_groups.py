"""Rules of events/groups.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def test_an_act_of_the_quad_at_an_outside_state_is_each_members(coded):
    events, trace = coded("The Quad leaders criticized North Korea for its missile tests.")
    criticized = [e for e in events if e.root == "11" and e.target == "PRK"]
    members = [e for e in criticized if e.source in {"USA", "JPN", "IND", "AUS"}]
    assert {e.source for e in members} == {"USA", "JPN", "IND", "AUS"}
    assert all("groups.members" in trace.fired[e.event_id] for e in members)


def test_an_act_aimed_at_the_quad_is_aimed_at_each_member(coded):
    events, _ = coded("China sharply criticized the Quad on Tuesday.")
    assert {e.target for e in events if e.source == "CHN" and e.root == "11"} >= {"USA", "JPN", "IND", "AUS"}


def test_a_mutual_act_of_the_quad_is_one_per_pair_of_members(coded):
    events, trace = coded("The Quad foreign ministers signed an agreement on maritime surveillance.")
    pairs = {frozenset((e.source, e.target)) for e in events
             if "groups.pairwise" in trace.fired.get(e.event_id, [])}
    assert len(pairs) == 6 and frozenset(("IND", "AUS")) in pairs


def test_the_quad_before_a_noun_that_is_no_member_names_no_party(coded):
    events, _ = coded("India hosted the Quad summit in New Delhi.")
    assert not {e.target for e in events if e.source == "IND"} & {"USA", "JPN", "AUS"}


def test_a_member_aimed_at_its_own_club_is_not_copied(coded):
    events, _ = coded("Japan praised the Quad for its work on vaccines.")
    assert not [e for e in events if e.source == "JPN" and e.target in {"USA", "IND", "AUS"}]


def test_talks_of_the_quad_on_a_states_affairs_are_among_its_members(coded):
    events, trace = coded("The Quad foreign ministers discussed the crisis in Myanmar.")
    talks = {frozenset((e.source, e.target)) for e in events if e.root == "04"
             if "groups.pairwise" in trace.fired.get(e.event_id, [])}
    assert len(talks) == 6 and not [e for e in events if e.target == "MMR"]
