"""Tolls (`claims/tolls.py`): rule `toll_as_of` dates a toll by its report, rule `single_toll` lets two
reports of one day conflict."""

from __future__ import annotations

from datetime import date

import pytest

from multipolar.claims.extract import extract_claims
from multipolar.claims.group import group_claims, single_valued
from multipolar.claims.tolls import is_comparable_toll, is_toll, toll_incident, toll_period

MONDAY = date(2031, 5, 12)
TUESDAY = date(2031, 5, 13)


def claims_of(text: str, doc_id: str = "d", published: date | None = MONDAY) -> list:
    return extract_claims(doc_id=doc_id, text=text, sentences=None, published=published)


def status_of(*reports: tuple[str, date]) -> list[str]:
    claims = [c for i, (text, day) in enumerate(reports) for c in claims_of(text, f"d{i}", day)]
    return [g.status for g in group_claims(claims, tolerance=0.05) if g.n_documents >= 2]


def test_is_toll_names_the_dead_and_the_wounded_only() -> None:
    assert is_toll("deaths", "people") and is_toll("wounded", "people")
    assert not is_toll("troops", "people") and not is_toll("deaths", "percent")


@pytest.mark.parametrize(
    ("period", "period_after"),
    [(None, "2031-05-12"), ("2031-05-09", "2031-05-12"), ("2030", "2030"), ("2031-04", "2031-04")],
)
def test_toll_as_of_takes_the_publication_day_unless_a_longer_period_is_named(
    period: str | None, period_after: str
) -> None:
    assert toll_period(period, MONDAY) == period_after


def test_toll_as_of_keeps_the_stated_period_without_a_publication_day() -> None:
    assert toll_period("2031-05-09", None) == "2031-05-09"
    assert toll_period(None, None) is None


def test_toll_as_of_dates_the_toll_in_a_headline() -> None:
    (claim,) = claims_of("Nine killed in flooding across Moldova")
    assert (claim.measure, claim.period) == ("deaths", "2031-05-12")


def test_toll_as_of_keeps_a_count_over_a_year() -> None:
    (claim,) = claims_of("Rights monitors say 70 killed in Moldova in 2030 in road accidents.")
    assert claim.period == "2030"


def test_a_figure_of_people_that_is_no_toll_keeps_no_period() -> None:
    (claim,) = claims_of("Moldova sent 300 troops to the border.")
    assert claim.period is None


def test_single_toll_makes_a_toll_single_valued_for_a_subject() -> None:
    assert single_valued("deaths", ("MDA",), "people")
    assert not single_valued("deaths", (), "people")  # whose toll is unknown
    assert not single_valued("troops", ("MDA",), "people")


def test_single_toll_two_tolls_of_one_day_conflict() -> None:
    assert status_of(
        ("Nine killed in flooding across Moldova", MONDAY),
        ("Flooding in Moldova: fourteen killed as rivers burst their banks", MONDAY),
    ) == ["contradicted"]


def test_single_toll_the_same_toll_corroborates() -> None:
    assert status_of(
        ("Nine killed in flooding across Moldova", MONDAY),
        ("Moldova floods: 9 dead after days of rain", MONDAY),
    ) == ["corroborated"]


def test_single_toll_tolls_of_different_days_can_both_be_true() -> None:
    assert status_of(
        ("Nine killed in flooding across Moldova", MONDAY),
        ("Fourteen killed in flooding across Moldova", TUESDAY),
    ) == ["different_periods"]


@pytest.mark.parametrize(
    "other",
    [
        "At least fourteen killed in flooding across Moldova",  # a bound
        "Dozens killed in flooding across Moldova",  # vague
    ],
)
def test_single_toll_a_bound_or_a_vague_toll_never_conflicts(other: str) -> None:
    assert "contradicted" not in status_of(("Nine killed in flooding across Moldova", MONDAY), (other, MONDAY))


@pytest.mark.parametrize(
    ("text", "incident"),
    [
        ("Nine killed in flooding across Moldova", "flood"),
        ("Moldova: two dead as protesters clash with police", "unrest"),
        ("A market blaze in Chisinau leaves four dead", "fire"),
        ("Four dead in Moldova, police say", None),
    ],
)
def test_toll_incident_names_the_class_of_the_incident(text: str, incident: str | None) -> None:
    assert toll_incident(text, 0, len(text)) == incident
    (claim,) = claims_of(text)
    assert claim.scope == incident


def test_toll_incident_tolls_of_two_incidents_are_two_quantities() -> None:
    assert "contradicted" not in status_of(
        ("Nine killed in flooding across Moldova", MONDAY),
        ("Fourteen killed in a shooting at a Moldova school", MONDAY),
    )


def test_single_toll_needs_a_named_incident() -> None:
    assert is_comparable_toll("deaths", "people", "flood")
    assert not is_comparable_toll("deaths", "people", None)
    assert "contradicted" not in status_of(
        ("Nine killed in Moldova, officials say", MONDAY),
        ("Fourteen dead in Moldova, officials say", MONDAY),
    )
