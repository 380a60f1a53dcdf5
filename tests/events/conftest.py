"""Shared fixtures of the events tests: one coder (real model, real resolver) for the rule-module tests."""

from datetime import date

import pytest

from multipolar.events.coder import EventCoder
from multipolar.settings import Settings

PUBLISHED = date(2025, 3, 12)


@pytest.fixture(scope="session")
def rule_coder():
    # the rules under test, without the learned layer's retyping (rule model.retype: tests/events/test_events_model.py)
    return EventCoder(Settings(event_classifier=False, event_model_retype=False, event_pair_model=False))


@pytest.fixture
def coded(rule_coder):
    """Code an invented text; returns (events, trace of the rules)."""
    def run(text, published=PUBLISHED):
        events = rule_coder.code_text(text, doc_id="t", published=published)
        return events, rule_coder.trace
    return run


@pytest.fixture
def official(rule_coder):
    """Code an invented text as a White House statement (rules issuer.*), sharing the rule coder's parser."""
    coder = EventCoder(Settings(event_classifier=False, event_model_retype=False, event_official_sources=True),
                       resolver=rule_coder.resolver, nlp=rule_coder.pipeline)

    def run(text, published=PUBLISHED):
        events = coder.code_text(text, doc_id="t", published=published, issuer="USA")
        return events, coder.trace
    return run
