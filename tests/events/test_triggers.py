"""Steps of events/triggers.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def test_reaffirming_support_is_support(coded):
    events, trace = coded("Austria reaffirmed its commitment to Moldova's sovereignty.")
    hit = [e for e in events if (e.source, e.target) == ("AUT", "MDA")]
    assert hit and hit[0].cameo == "051"
    assert "triggers.restated_object" in trace.fired[hit[0].event_id]


def test_reaffirming_a_pledge_stays_a_pledge(coded):
    events, _ = coded("Austria reaffirmed its commitment to the partnership with Moldova.")
    hit = [e for e in events if (e.source, e.target) == ("AUT", "MDA")]
    assert hit and hit[0].root == "03"


def test_telling_a_state_to_act_is_a_demand(coded):
    events, _ = coded("Hungary told Slovakia to reopen the bridge.")
    hit = [e for e in events if (e.source, e.target) == ("HUN", "SVK")]
    assert hit and hit[0].root == "10"


def test_telling_a_state_a_fact_is_no_demand(coded):
    events, _ = coded("Hungary told Slovakia that the bridge was safe.")
    assert not [e for e in events if e.root == "10"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Canada launched a new sanctions regime targeting the Burmese military.", ("CAN", "163", "MMR")),
    ("Australia widened its sanctions programme on Myanmar's generals.", ("AUS", "163", "MMR")),
    ("The minister said Canada would hold Belarus to account.", ("CAN", "1121", "BLR")),
])
def test_sanctions_regimes_and_holding_to_account(coded, text, expected):
    events, _ = coded(text)
    assert expected in {(e.source, e.cameo, e.target) for e in events}


def test_a_sum_pledged_in_aid_is_a_pledge_of_that_aid(coded):
    # the frame reaches the act through the sum's "in" phrase: 0332, not the bare intent 030
    events, _ = coded("Spain pledged 300 million euros in military aid to Moldova on Tuesday.")
    assert ("ESP", "MDA", "0332") in {(e.source, e.target, e.cameo) for e in events}
