"""Rule topics.own_act (events/topics.py), on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def _acts(events, root):
    return {(e.source, e.target) for e in events if e.root == root}


def test_talks_on_the_parties_own_acts_assert_them_from_each_party(coded):
    events, trace = coded("Lula and Boric discussed their efforts to support Haiti and impose costs on Venezuela.")
    assert _acts(events, "05") == {("BRA", "HTI"), ("CHL", "HTI")}
    assert _acts(events, "16") == {("BRA", "VEN"), ("CHL", "VEN")}
    assert all("topics.own_act" in trace.fired[e.event_id] for e in events if e.root in ("05", "16"))


def test_own_acts_named_as_nouns_are_asserted_too(coded):
    events, trace = coded("Lula and Boric talked about their support for Haiti and their sanctions on Venezuela.")
    assert _acts(events, "05") == {("BRA", "HTI"), ("CHL", "HTI")}
    assert _acts(events, "16") == {("BRA", "VEN"), ("CHL", "VEN")}
    assert all("topics.own_act" in trace.fired[e.event_id] for e in events if e.root in ("05", "16"))


@pytest.mark.parametrize("text", [
    "Lula and Boric discussed their plans to support Haiti.",
    "Lula and Boric discussed possible sanctions on Venezuela.",
    "Lula and Boric discussed the support for Haiti.",
])
def test_talks_on_plans_or_on_others_acts_assert_nothing(coded, text):
    events, trace = coded(text)
    assert not any("topics.own_act" in names for names in trace.fired.values())


def test_talks_to_come_still_assert_the_acts_the_parties_do_now(coded):
    events, trace = coded("Lula and Boric will discuss their steadfast support for Haiti.")
    support = [e for e in events if e.root == "05"]
    assert {(e.source, e.target) for e in support} == {("BRA", "HTI"), ("CHL", "HTI")}
    assert all(e.modality == "asserted" and "topics.own_act" in trace.fired[e.event_id] for e in support)
    talks = [e for e in events if e.root == "04"]
    assert talks and all(e.modality == "hypothetical" for e in talks)  # rule modality.future_meeting
