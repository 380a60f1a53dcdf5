"""The rule trace behind `multipolar code --explain`, on invented sentences (real model and resolver)."""

import pytest

from multipolar.events.api import code_records
from multipolar.events.rulebook import words

pytestmark = pytest.mark.model

TEXT = "Putin met Modi in New Delhi. Will Japan retaliate against China over the detained fishermen?"


def test_without_explain_the_records_are_unchanged(rule_coder):
    (record,) = code_records([{"id": "a", "text": TEXT, "date": "2025-03-12"}], coder=rule_coder)
    assert set(record) == {"id", "events"}
    assert all("explain" not in e for e in record["events"])


def test_explain_names_the_rules_behind_each_event(rule_coder):
    (record,) = code_records([{"id": "a", "text": TEXT, "date": "2025-03-12"}], coder=rule_coder, explain=True)
    met = [e for e in record["events"] if e["root"] == "04"]
    assert met and all(any(n.startswith("lexicon:") for n in e["explain"]) for e in met)


def test_explain_lists_each_dropped_candidate_with_its_rule(rule_coder):
    (record,) = code_records([{"id": "a", "text": TEXT, "date": "2025-03-12"}], coder=rule_coder, explain=True)
    assert {d["rule"] for d in record["dropped"]} == {"modality.question"}


@pytest.mark.parametrize("module", ["modality", "polarity", "trade", "roles", "timing", "anaphora", "clauses", "imposers"])
def test_every_rule_module_has_its_word_file(module):
    assert words(module)
