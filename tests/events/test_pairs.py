"""Rules of events/pairs.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def _pairs(events, root):
    return {(e.source, e.target) for e in events if e.root == root}


@pytest.mark.parametrize(("text", "root"), [
    ("Kenya held a phone call with Ethiopia last week.", "04"),
    ("India held negotiations with Nepal on Friday.", "04"),
    ("The Brazilian president held negotiations with Argentina on Monday.", "04"),
])
def test_an_act_done_with_a_partner_is_done_each_way(coded, text, root):
    events, trace = coded(text)
    pairs = _pairs(events, root)
    assert len(pairs) == 2 and {(b, a) for a, b in pairs} == pairs
    assert any("pairs.mutual_with" in trace.fired[e.event_id] for e in events if e.root == root)


def test_negotiations_with_two_partners_are_done_each_way_with_each(coded):
    events, _ = coded("Kenya held negotiations with Uganda and Tanzania on Tuesday.")
    assert {("KEN", "UGA"), ("UGA", "KEN"), ("KEN", "TZA"), ("TZA", "KEN")} <= _pairs(events, "04")
    assert ("UGA", "TZA") not in _pairs(events, "04")


def test_a_visit_to_a_partner_is_one_way(coded):
    events, trace = coded("The Kenyan president visited Ethiopia on Monday.")
    assert ("ETH", "KEN") not in _pairs(events, "04")
    assert not any("pairs.mutual_with" in names for names in trace.fired.values())


def test_giving_with_a_thing_is_not_done_with_a_partner(coded):
    events, _ = coded("Germany provided Poland with air defence systems.")
    assert ("POL", "DEU") not in {(e.source, e.target) for e in events}


def test_a_negated_act_with_a_partner_is_the_subjects_alone(coded):
    events, trace = coded("Peru said it would not enter into direct negotiations with Chile.")
    assert ("CHL", "PER") not in {(e.source, e.target) for e in events}
    assert not any("pairs.mutual_with" in names for names in trace.fired.values())


def test_an_agreement_with_an_organisation_is_the_states_own_act(coded):
    events, trace = coded("Ukraine ratified a trade agreement with the European Union on Tuesday.")
    assert not [e for e in events if e.target == "UKR"]
    assert not any("pairs.mutual_with" in names for names in trace.fired.values())


def test_two_states_agreeing_on_a_need_express_accord_with_each_other(coded):
    events, _ = coded("Ecuador and Uruguay agreed on the need for a common fishing policy.")
    pairs = {(e.source, e.target) for e in events if e.cameo == "019"}
    assert {("ECU", "URY"), ("URY", "ECU")} <= pairs


def test_one_state_echoing_another_expresses_accord_one_way(coded):
    events, _ = coded("Ecuador echoed Uruguay's concern about the fishing fleets.")
    pairs = {(e.source, e.target) for e in events if e.cameo == "019"}
    assert pairs == {("ECU", "URY")}


def test_the_attack_that_a_passive_shares_with_its_conjunct_names_the_attacker(coded):
    # "were killed and dozens hurt in the Chadian attack": the attack is the occasion of both participles
    events, _ = coded("The Sudanese governor said eleven people were killed and dozens more hurt in the Chadian attack.")
    assert [e for e in events if e.source == "TCD" and e.root in ("18", "19")]
    assert not [e for e in events if (e.source, e.target) == ("SDN", "TCD") and e.root in ("18", "19")]


def test_two_attackers_of_one_object_do_not_attack_each_other(coded):
    # rule pairs.co_attackers: force used on an object of its own is used by both parties on it
    events, _ = coded("Belgian and Dutch warplanes struck a weapons depot in Syria.")
    pairs = {(e.source, e.target) for e in events if e.plover == "ASSAULT"}
    assert ("BEL", "NLD") not in pairs and ("NLD", "BEL") not in pairs
    assert {("BEL", "SYR"), ("NLD", "SYR")} <= pairs


def test_two_parties_exchanging_fire_still_fire_at_each_other(coded):
    events, _ = coded("Armenia and Azerbaijan exchanged fire along the border.")
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= {(e.source, e.target) for e in events if e.plover == "ASSAULT"}
