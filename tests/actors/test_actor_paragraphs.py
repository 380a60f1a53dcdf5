"""Rule `actor_paragraphs`: the pieces of a text worth parsing, found by a scan of the gazetteer's forms.

Sentences here are the team's own.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multipolar.actors.paragraphs import ActorParagraphs, paragraphs, segments
from multipolar.actors.resolver import ActorResolver
from multipolar.events.anaphora import cue_words


@pytest.fixture(scope="module")
def selector(resolver: ActorResolver) -> ActorParagraphs:
    return ActorParagraphs(resolver, anaphora=cue_words())


def kept(selector: ActorParagraphs, text: str) -> list[str]:
    return [text[s:e] for s, e, keep in selector.keep(text) if keep]


@given(st.text(alphabet="ab .!?\nAB\t", max_size=300))
@settings(max_examples=200, deadline=None)
def test_paragraphs_and_segments_tile_the_text(text):
    for spans in (paragraphs(text), segments(text)):
        assert "".join(text[s:e] for s, e in spans) == text
        assert all(s < e for s, e in spans) or text == ""


def test_segments_cut_after_a_sentence_but_not_after_an_abbreviation():
    text = "Mr. Smith went home. The U.S. Navy sailed on. Rain fell.\n\nA new paragraph."
    assert [text[s:e] for s, e in segments(text)] == [
        "Mr. Smith went home. ", "The U.S. Navy sailed on. ", "Rain fell.\n\n", "A new paragraph.",
    ]


def test_keep_drops_pieces_that_name_no_actor_but_keeps_the_first_paragraph(selector):
    text = "A quiet morning in the valley.\n\nThe bakery opened at nine.\n\nRussia sent a note to Japan."
    assert kept(selector, text) == ["A quiet morning in the valley.\n\n", "Russia sent a note to Japan."]


def test_keep_finds_a_name_written_in_capitals(selector):
    text = "Intro line.\n\nTALKS WITH RUSSIA RESUME ON FRIDAY."
    assert kept(selector, text)[-1] == "TALKS WITH RUSSIA RESUME ON FRIDAY."


def test_keep_ignores_a_lower_case_word_that_only_folds_to_a_name(selector):
    text = "Intro line.\n\nthe turkey was served with china plates."
    assert kept(selector, text) == ["Intro line.\n\n"]


def test_keep_counts_a_short_form_only_after_its_full_name(resolver, selector):
    short, names = next((s, n) for s, n in resolver.short_forms().items() if n and s.isalpha() and len(s) > 4)
    alone = f"Intro line.\n\nYesterday {short} spoke at length."
    after = f"Intro line with {names[0]} in it.\n\nThe weather was mild.\n\nYesterday {short} spoke at length."
    assert kept(selector, alone) == ["Intro line.\n\n"]
    assert kept(selector, after)[-1] == f"Yesterday {short} spoke at length."


def test_keep_counts_a_context_noun_only_after_a_named_actor(selector):
    before = "Intro line.\n\nThe police closed the road.\n\nKenya held an election."
    after = "Kenya held an election.\n\nThe weather was mild.\n\nThe police closed the road."
    assert "The police closed the road.\n\n" not in kept(selector, before)
    assert kept(selector, after)[-1] == "The police closed the road."


def test_keep_skips_a_capitalised_sector_noun_inside_a_sentence(selector):
    text = "Kenya held an election.\n\nThe weather was mild.\n\nThe bill went to Congress on time."
    assert kept(selector, text) == ["Kenya held an election.\n\n"]


def test_keep_takes_a_pronoun_right_after_a_kept_piece(selector):
    text = "Intro line.\n\nThe weather was mild.\n\nVladimir Putin arrived. He thanked the hosts."
    assert kept(selector, text)[-2:] == ["Vladimir Putin arrived. ", "He thanked the hosts."]
    lone = "Intro line.\n\nThe weather was mild.\n\nHe thanked the hosts."
    assert kept(selector, lone) == ["Intro line.\n\n"]


def test_keep_counts_a_title_only_before_a_name(selector):
    text = "Kenya held an election.\n\nThe weather was mild.\n\nThe president spoke.\n\nYesterday President Amara Lodu spoke."
    assert kept(selector, text) == ["Kenya held an election.\n\n", "Yesterday President Amara Lodu spoke."]


def test_keep_takes_a_pair_phrase_after_a_kept_piece_only_with_its_mark(selector):
    text = "Intro line.\n\nRussia met Japan in May. The two counterparts signed it. The counterparts left."
    pieces = kept(selector, text)
    assert "The two counterparts signed it. " in pieces
    assert "The counterparts left." not in pieces
