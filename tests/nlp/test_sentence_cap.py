"""No sentence is longer than max_sentence_tokens; ordinary sentences are left to the parser."""

from __future__ import annotations

import pytest

from multipolar.nlp.pipeline import NlpPipeline
from multipolar.settings import Settings

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def capped():
    return NlpPipeline(Settings(max_sentence_tokens=40))


def test_a_run_on_sentence_is_split_at_the_cap(capped):
    words = "Kenya and Ghana and Nigeria signed deals with Egypt while Ethiopia warned Sudan".split()
    doc = capped.parse_one(" ".join(words[i % len(words)] for i in range(500)))
    lengths = [len(sent) for sent in doc.sents]
    assert sum(lengths) == 500 and max(lengths) <= 40


def test_sentences_shorter_than_the_cap_are_unchanged(capped):
    text = "Putin met Xi in Moscow on Monday. They held talks on trade and energy. Officials said little."
    doc = capped.parse_one(text)
    assert [s.text for s in doc.sents] == [
        "Putin met Xi in Moscow on Monday.", "They held talks on trade and energy.", "Officials said little.",
    ]


def test_each_item_of_a_list_under_a_colon_is_a_sentence(capped):
    text = ("The two sides agreed on the following:\n\n- Chile will lower its duties on Peruvian fruit\n"
            "- Peru will buy Chilean copper\n- Both will hold talks in May\n\nOfficials said little.")
    sents = [s.text.strip() for s in capped.parse_one(text).sents]
    assert "- Chile will lower its duties on Peruvian fruit" in sents
    assert "- Peru will buy Chilean copper" in sents
    assert "Officials said little." in sents


def test_dashes_inside_a_line_start_no_sentence(capped):
    text = "Exports rose 5-6 percent - a record - in March.\n\nOfficials said little."
    sents = [s.text.strip() for s in capped.parse_one(text).sents]
    assert sents[0] == "Exports rose 5-6 percent - a record - in March."


def test_a_headline_colon_between_two_clauses_starts_a_sentence(capped):
    text = "Chile expels Peruvian envoy: Lima recalls its ambassador in turn\nThe row began on Monday."
    sents = [s.text.strip() for s in capped.parse_one(text).sents]
    assert sents[0] == "Chile expels Peruvian envoy:"
    assert sents[1].startswith("Lima recalls")


@pytest.mark.parametrize("text", [
    "The Chilean minister said: the envoy must leave Lima by Friday.",  # a quotation stays with its verb
    "Chile and Peru: a century of quarrels over the desert border.",  # no clause before the colon
    "The talks went on. Chile expels Peruvian envoy: Lima recalls its ambassador.",  # not the first line
])
def test_other_colons_start_no_sentence(capped, text):
    sents = [s.text.strip() for s in capped.parse_one(text).sents]
    assert not any(s.startswith(("the envoy", "a century", "Lima recalls")) for s in sents)


def test_a_paragraph_with_no_full_stop_ends_its_sentence(capped):
    text = ("Oslo says Swedish seizure of Norwegian trawler risks a clash at sea\n\n"
            "Norway's foreign ministry accuses Stockholm of breaking the fisheries accord.")
    sents = [s.text.strip() for s in capped.parse_one(text).sents]
    assert sents == ["Oslo says Swedish seizure of Norwegian trawler risks a clash at sea",
                     "Norway's foreign ministry accuses Stockholm of breaking the fisheries accord."]


def test_a_single_line_break_inside_a_sentence_starts_no_sentence(capped):
    # hard-wrapped text: one newline is no paragraph
    text = "Norway's foreign ministry accuses Stockholm\nof breaking the fisheries accord."
    assert len(list(capped.parse_one(text).sents)) == 1
