"""Rules of events/roles.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def test_a_possessor_inside_the_object_is_no_source(coded):
    events, _ = coded("The United States sanctioned Russia's two largest oil companies.")
    assert not [e for e in events if e.source == "RUS"]


def test_what_a_pair_discusses_is_not_their_partner(coded):
    events, _ = coded("Putin and Xi discussed relations with the United States.")
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert ("RUS", "CHN") in pairs or ("CHN", "RUS") in pairs
    assert not {p for p in pairs if "USA" in p}
