"""Claims: measure, subject, period and attribution around each figure."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from multipolar.claims.extract import (
    TITLE_SENTENCE,
    extract_claims,
    split_items,
    split_sentences,
    title_claims,
)
from multipolar.records import Claim

PUBLISHED = date(2025, 3, 4)


def one(text: str, *, published: date | None = PUBLISHED) -> Claim:
    claims = extract_claims(doc_id="doc", text=text, sentences=None, published=published)
    assert len(claims) == 1, claims
    return claims[0]


def test_extract_claims_bilateral_trade_with_period_and_source() -> None:
    claim = one("China–Russia trade reached $245 billion in 2024, according to Chinese customs data.")
    assert (claim.value, claim.unit, claim.measure) == (245e9, "USD", "bilateral trade")
    assert claim.subject == ("CHN", "RUS")
    assert claim.period == "2024"
    assert claim.attribution == "Chinese customs data"


def test_extract_claims_tariff_subject_names_both_sides() -> None:
    claim = one("Washington raised US tariffs on Chinese goods to 145% in April.")
    assert (claim.measure, claim.unit, claim.subject) == ("tariff", "percent", ("CHN", "USA"))


def test_extract_claims_measure_after_number() -> None:
    claim = one("The two neighbours signed a 30 billion dollar gas supply deal.", published=None)
    assert claim.measure == "gas supply"


def test_extract_claims_weak_word_yields_to_head() -> None:
    claim = one("Moscow's oil export value fell to $1.38bn in the week.")
    assert (claim.measure, claim.subject) == ("oil exports", ("RUS",))


def test_extract_claims_change_percent() -> None:
    text = "Trade between Japan and India rose to $30 billion in 2023, up 12% from 2022."
    claims = extract_claims(doc_id="d", text=text, sentences=None, published=None)
    assert [c.measure for c in claims] == ["bilateral trade", "bilateral trade change"]
    assert [c.period for c in claims] == ["2023", "2023"]
    assert all(c.subject == ("IND", "JPN") for c in claims)


def test_extract_claims_barrels_per_day() -> None:
    claim = one("Iranian crude exports slipped to 1.2 million barrels per day last month.")
    assert (claim.unit, claim.value, claim.measure, claim.subject) == ("bpd", 1.2e6, "oil exports", ("IRN",))
    assert claim.period == "2025-02"


def test_extract_claims_tonnes() -> None:
    claim = one("Egypt imported 3 million tonnes of wheat in 2023.", published=None)
    assert (claim.unit, claim.value, claim.subject, claim.period) == ("tonnes", 3e6, ("EGY",), "2023")
    assert claim.measure == "grain imports"


def test_extract_claims_people() -> None:
    claim = one("Germany is hosting two million refugees, the ministry said.")
    assert (claim.unit, claim.value, claim.measure, claim.subject) == ("people", 2e6, "refugees", ("DEU",))


@pytest.mark.parametrize(
    ("phrase", "period"),
    [
        ("last year", "2024"),
        ("this year", "2025"),
        ("in 2023", "2023"),
        ("in March 2024", "2024-03"),
        ("in the first quarter of 2025", "2025-Q1"),
        ("", None),
    ],
)
def test_extract_claims_period(phrase: str, period: str | None) -> None:
    claim = one(f"Brazil's soy exports reached $50 billion {phrase}.".replace(" .", "."))
    assert claim.period == period


def test_extract_claims_comparison_base_is_not_a_period() -> None:
    claim = one("Mexico's exports grew 9% from 2021.", published=None)
    assert claim.period is None


def test_extract_claims_relative_period_needs_publication_date() -> None:
    assert one("Brazil's exports reached $50 billion last year.", published=None).period is None


@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        ("Putin said trade with China hit $200 billion.", "Putin"),
        ("Russian President Vladimir Putin said trade hit $200 billion.", "Vladimir Putin"),
        ("Trade hit $200 billion, said Lavrov.", "Lavrov"),
        ("According to Indian customs data, trade hit $200 billion.", "Indian customs data"),
        ("Trade hit $200 billion, customs data showed.", "customs data"),
        ("Trade hit $200 billion.", None),
    ],
)
def test_extract_claims_attribution(sentence: str, attribution: str | None) -> None:
    assert one(sentence).attribution == attribution


def test_extract_claims_bilateral_subject_from_previous_sentence() -> None:
    text = "Sanctions pushed Moscow to sell more to China. Bilateral trade hit $245 billion in 2024."
    claim = one(text)
    assert claim.subject == ("CHN", "RUS")
    assert claim.sentence == 1


def test_extract_claims_uses_given_sentences_and_offsets() -> None:
    text = "Intro line here\nKenya sent 1,000 troops."
    claim = one(text)
    assert text[claim.start : claim.end] == "1,000 troops"
    given_sentences = extract_claims(
        doc_id="d", text=text, sentences=[(0, 15), (16, len(text))], published=None
    )
    assert [(c.sentence, c.start, c.end) for c in given_sentences] == [(1, claim.start, claim.end)]


def test_extract_claims_ids_are_deterministic() -> None:
    text = "Kenya sent 1,000 troops and Uganda 2,000 soldiers."
    first = extract_claims(doc_id="d", text=text, sentences=None, published=None)
    second = extract_claims(doc_id="d", text=text, sentences=None, published=None)
    assert [c.claim_id for c in first] == [c.claim_id for c in second]
    assert len({c.claim_id for c in first}) == 2


def test_split_sentences_keeps_abbreviations() -> None:
    text = "Mr. Xi met U.S. officials. They agreed. No. 2 economy grew."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Mr. Xi met U.S. officials.",
        "They agreed.",
        "No. 2 economy grew.",
    ]


@given(st.text(max_size=300))
def test_extract_claims_offsets_inside_text(text: str) -> None:
    for claim in extract_claims(doc_id="d", text=text, sentences=None, published=PUBLISHED):
        assert text[claim.start : claim.end] == claim.text
        assert claim.measure


def test_claim_period_is_the_day_its_sentence_names() -> None:
    from datetime import date

    from multipolar.claims.extract import extract_claims

    text = "China raised its tariff on US goods to 125% on April 11."
    (claim,) = [c for c in extract_claims(doc_id="d", text=text, sentences=None, published=date(2025, 4, 12))
                if c.unit == "percent"]
    assert claim.period == "2025-04-11"


def test_claim_period_comes_from_its_paragraph_when_the_sentence_names_none() -> None:
    from multipolar.claims.extract import extract_claims

    text = "Trade figures for 2024 were released on Monday.\n\nThe report said exports reached $120 billion."
    (claim,) = [c for c in extract_claims(doc_id="d", text=text, sentences=None, published=None) if c.unit == "USD"]
    assert claim.period is None
    text = "Trade figures for 2024 were released on Monday. The report said exports reached $120 billion."
    (claim,) = [c for c in extract_claims(doc_id="d", text=text, sentences=None, published=None) if c.unit == "USD"]
    assert claim.period == "2024"


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Chile ran a $9 billion trade deficit in 2023.", "trade deficit"),
     ("Chile ran a $9 billion trade surplus in 2023.", "trade surplus"),
     ("Chile ran a $9 billion deficit in 2023.", "deficit")],
)
def test_extract_claims_a_deficit_of_a_measure_is_its_own_measure(text: str, measure: str) -> None:
    assert one(text, published=None).measure == measure


def test_bullet_items_cuts_inline_bullets() -> None:
    text = "Funding by sector: • Ports: $4 billion in 2030 • Exports of Peru grew 6% • Rail: $2 billion."
    pieces = split_items(text, [(0, len(text))])
    assert [text[s:e] for s, e, _ in pieces] == [
        "Funding by sector:", "Ports: $4 billion in 2030", "Exports of Peru grew 6%", "Rail: $2 billion."
    ]
    assert {index for _, _, index in pieces} == {0}


def test_bullet_items_cuts_lines_that_open_with_a_bullet() -> None:
    text = "The plan funds:\n- ports, $4 billion in 2030\n- rail, $2 billion\n1. roads, $1 billion"
    pieces = split_items(text, [(0, len(text))])
    assert [text[s:e] for s, e, _ in pieces] == [
        "The plan funds:", "- ports, $4 billion in 2030", "- rail, $2 billion", "1. roads, $1 billion"
    ]


def test_bullet_items_leaves_prose_and_wrapped_lines_alone() -> None:
    text = "Exports of Peru rose to $4 billion\nin 2030, a record - the ministry said."
    assert split_items(text, [(0, len(text))]) == [(0, len(text), 0)]


def test_bullet_items_a_figure_keeps_its_own_item_and_its_sentence_index() -> None:
    text = "Peru in brief • Exports: $90 billion in 2030 • Imports from Chile rose • Lima's new port: $2 billion"
    claims = extract_claims(doc_id="doc", text=text, sentences=[(0, len(text))], published=PUBLISHED)
    by_text = {c.text: c for c in claims}
    assert by_text["$90 billion"].measure == "exports"
    assert by_text["$2 billion"].measure == "unspecified"  # never the imports of the item before
    assert by_text["$2 billion"].sentence_text == "Lima's new port: $2 billion"
    assert {c.sentence for c in claims} == {0}


def test_bullet_items_cuts_a_run_of_spaced_hyphens() -> None:
    text = "Peru in 2030: - Exports rose to $90 billion. - Imports of Chile grew 4%. - **Debt** fell."
    pieces = split_items(text, [(0, len(text))])
    assert [text[s:e] for s, e, _ in pieces] == [
        "Peru in 2030:", "Exports rose to $90 billion.", "Imports of Chile grew 4%.", "**Debt** fell."
    ]


def test_bullet_items_one_spaced_hyphen_is_a_dash() -> None:
    text = "Exports of Peru reached $90 billion - The ministry called it a record."
    assert split_items(text, [(0, len(text))]) == [(0, len(text), 0)]


def test_title_claims_reads_the_headline_figure() -> None:
    """Rule `title_claims`: a toll in the headline is a claim, sentence -1, offsets into the title."""
    title = "Flood in Ruritania leaves 14 dead"
    (claim,) = title_claims(doc_id="d1", title=title, text="Rescuers searched the valley on Sunday.",
                            published=date(2026, 1, 4))
    assert claim.sentence == TITLE_SENTENCE
    assert title[claim.start : claim.end] == claim.text == "14 dead"
    assert (claim.measure, claim.value, claim.period) == ("deaths", 14.0, "2026-01-04")


def test_title_claims_skips_a_title_the_text_opens_with() -> None:
    title = "Flood leaves 14 dead"
    assert title_claims(doc_id="d1", title=title, text="Flood leaves 14 dead\n\nRescuers searched.", published=None) == []


def test_title_claims_ids_differ_from_the_text_claims() -> None:
    """A title figure and a text figure at the same offsets are two claims with two ids."""
    text = "Imports reached $5 billion"
    (body,) = extract_claims(doc_id="d1", text=text, sentences=None, published=None)
    (head,) = title_claims(doc_id="d1", title="Exports reached $5 billion", text=text, published=None)
    assert (head.start, head.end) == (body.start, body.end)
    assert head.claim_id != body.claim_id


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Talks covered trade and our $9 trillion economic partnership in 2023.", "unspecified"),
        ("Talks covered exports and its $4 billion research campus in 2023.", "unspecified"),
        ("Talks covered trade, and a $9 billion trade surplus in 2023.", "trade surplus"),
        ("Exports reached a $9 billion record in 2023.", "exports"),
        ("Exports hit $9 billion in 2023.", "exports"),
    ],
)
def test_extract_claims_attributive_figure_measures_its_own_noun(text: str, measure: str) -> None:
    """Rule `attributive_figure`: "our $9 trillion partnership" measures the partnership, not trade."""
    (claim,) = extract_claims(doc_id="d", text=text, sentences=None, published=None)
    assert claim.measure == measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The Ministry of Trade said $4 billion was lost in 2023.", "unspecified"),
        ("The Global Trade Council said $4 billion was lost in 2023.", "unspecified"),
        ("Ruritania's Exports Climb To $4 Billion In March", "exports"),
        ("Trade with its neighbours reached $4 billion in 2023.", "trade"),
    ],
)
def test_extract_claims_name_not_measure(text: str, measure: str) -> None:
    """Rule `name_not_measure`: a measure word inside a name measures nothing; a headline's title case
    is no name."""
    (claim,) = extract_claims(doc_id="d", text=text, sentences=None, published=None)
    assert claim.measure == measure
