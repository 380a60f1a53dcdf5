"""Rules of events/anaphora.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def test_the_two_leaders_are_the_pair_last_named(coded):
    events, _ = coded("Putin met Modi in New Delhi. The two leaders signed a joint statement on energy.")
    signed = [e for e in events if e.cameo == "057"]
    assert signed and {signed[0].source, signed[0].target} == {"RUS", "IND"}


def test_both_sides_are_the_two_states_last_named(coded):
    events, _ = coded("Egyptian and Turkish diplomats met in Cairo. Both sides agreed to restore trade links.")
    agreed = [e for e in events if e.root == "03"]
    assert agreed and {agreed[0].source, agreed[0].target} == {"EGY", "TUR"}


def test_he_is_the_subject_of_the_sentence_before(coded):
    events, _ = coded("Trump met Erdogan at the White House. He praised Turkey for its role in the talks.")
    assert ("USA", "TUR") in {(e.source, e.target) for e in events if e.root == "05"}


def test_the_two_leaders_without_two_named_get_nothing(coded):
    events, _ = coded("The two leaders signed a joint statement on energy.")
    assert not [e for e in events if e.target]
