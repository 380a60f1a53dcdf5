"""Claim periods (`claims/periods.py`): named in the sentence or paragraph, or the current annual level."""

from __future__ import annotations

from datetime import date

import pytest

from multipolar.claims.extract import extract_claims
from multipolar.claims.group import group_claims
from multipolar.claims.periods import claim_period, current_annual_level, sentence_periods
from multipolar.quantities import find_quantities

MARCH_2025 = date(2025, 3, 10)


def periods_of(text: str, published: date | None = MARCH_2025) -> list[str | None]:
    return [c.period for c in extract_claims(doc_id="d", text=text, sentences=None, published=published)]


@pytest.mark.parametrize(
    "text",
    [
        "Annual trade between Peru and Chile is now $50 billion.",
        "Peru and Chile, with annual trade of $50 billion, share a long border.",
        "Trade between Peru and Chile currently stands at $50 billion.",
        "Bilateral trade between Peru and Chile amounts to $50 billion a year.",
        "Chile's exports to Peru total $12 billion.",
    ],
)
def test_current_annual_level_is_the_last_full_year(text: str) -> None:
    assert periods_of(text) == ["2024"]


@pytest.mark.parametrize(
    "text",
    [
        "Trade between Peru and Chile was $50 billion.",  # past, no year: unknown
        "Trade between Peru and Chile reached $50 billion.",
        "Trade between Peru and Chile will reach $50 billion.",  # future
        "Peru and Chile aim to raise bilateral trade to $80 billion.",  # a goal
        "Trade between Peru and Chile is expected to be $80 billion.",
        "Before the war, annual trade between Peru and Chile is said to be $50 billion.",
        "Chile's debt is now $90 billion.",  # a stock at a date, not an annual flow
        "Peru's inflation is now 5 percent.",  # a rate, not money
        "Chile is allowed to export 20,000 tonnes of copper a year to Peru.",  # a quota in tonnes
        "Chile's exports to Peru are up $2 billion.",  # a change
    ],
)
def test_current_annual_level_needs_a_present_annual_flow_in_money(text: str) -> None:
    assert periods_of(text) == [None]


def test_current_annual_level_needs_a_publication_date() -> None:
    assert periods_of("Annual trade between Peru and Chile is now $50 billion.", published=None) == [None]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Trade between Peru and Chile is $50 billion in 2022.", "2022"),
        ("Trade between Peru and Chile reached $50 billion last year.", "2024"),
        ("Trade between Peru and Chile is $50 billion this year.", "2025"),
    ],
)
def test_a_period_the_sentence_names_comes_first(text: str, period: str) -> None:
    assert periods_of(text) == [period]


def test_a_period_the_paragraph_names_comes_before_the_current_level() -> None:
    text = "In 2021 the two signed a new accord. Annual trade between Peru and Chile is $50 billion."
    assert periods_of(text) == ["2021"]


def test_a_period_after_a_spelled_out_base_is_the_bases() -> None:
    (level, base) = periods_of("Trade between Peru and Chile is $50 billion, up from $40 billion in 2022.")
    assert (level, base) == ("2024", None)


def test_a_period_after_a_bare_from_dates_the_change() -> None:
    assert periods_of("Peru cut its duty on salmon to 5 percent from 8 percent in 2024.") == ["2024", None]


def test_claim_period_skips_owned_periods() -> None:
    text = "Exports of Chile hit $9 billion, compared with $7 billion in 2020."
    (first, _) = find_quantities(text)
    found = sentence_periods(text, 0, len(text), MARCH_2025)
    owned_start = text.index(" in 2020")
    kwargs = dict(text=text, sentence=(0, len(text)), quantity=first, periods=found, published=None,
                  measure="exports", kind="level", base=False)
    assert claim_period(**kwargs) == "2020"
    assert claim_period(**kwargs, owned=[(owned_start, owned_start + 4)]) is None


def test_current_annual_level_reads_only_its_sentence() -> None:
    text = "Trade was smaller then. Annual trade between Peru and Chile is $50 billion."
    start = text.index("Annual")
    assert current_annual_level(text, (start, len(text)), measure="bilateral trade", unit="USD", kind="level",
                                published=MARCH_2025) == "2024"


def _group_of(texts: list[tuple[str, date]]) -> list:
    claims = [c for k, (text, published) in enumerate(texts)
              for c in extract_claims(doc_id=f"d{k}", text=text, sentences=None, published=published)]
    return [g for g in group_claims(claims, tolerance=0.05) if g.measure == "bilateral trade"]


def test_current_levels_of_one_year_conflict() -> None:
    (group,) = _group_of([
        ("Annual trade between Peru and Chile is now $50 billion.", MARCH_2025),
        ("Trade between Peru and Chile reached $42 billion in 2024.", date(2025, 1, 20)),
    ])
    assert group.status == "contradicted"


def test_current_levels_of_different_years_do_not_conflict() -> None:
    (group,) = _group_of([
        ("Annual trade between Peru and Chile is now $50 billion.", MARCH_2025),
        ("Annual trade between Peru and Chile is now $42 billion.", date(2023, 6, 1)),
    ])
    assert group.status == "different_periods"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("In the first half of 2023, trade between Peru and Chile was $20 billion.", "2023-H1"),  # half_year
        ("Trade between Peru and Chile was $20 billion during the second half of 2023.", "2023-H2"),
        ("Chile's budget deficit was $9 billion in fiscal 2023.", "FY2023"),  # fiscal_year
        ("Chile's budget deficit was $9 billion for fiscal year 2023.", "FY2023"),
        ("Chile's budget deficit was $9 billion in FY2023.", "FY2023"),
        ("Chile's budget deficit was $9 billion in 2023.", "2023"),
    ],
)
def test_half_and_fiscal_years_are_periods_of_their_own(text: str, period: str) -> None:
    assert periods_of(text) == [period]


def test_part_year_and_fiscal_year_figures_never_contradict_the_calendar_year() -> None:
    texts = [
        "In the first half of 2023, trade between Peru and Chile was $20 billion.",
        "Trade between Peru and Chile reached $45 billion in 2023.",
        "Chile's budget deficit was $9 billion in fiscal 2023.",
        "Chile's budget deficit was $12 billion in 2023.",
    ]
    claims = [c for k, t in enumerate(texts)
              for c in extract_claims(doc_id=f"d{k}", text=t, sentences=None, published=MARCH_2025)]
    assert not [g for g in group_claims(claims, tolerance=0.05) if g.status == "contradicted"]
