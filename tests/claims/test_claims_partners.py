"""Rules `trade_partner` and `group_scope` (`claims/partners.py`), on invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from multipolar.claims.extract import extract_claims
from multipolar.claims.group import group_claims

PUBLISHED = date(2024, 6, 1)


def claims_of(text: str, doc_id: str = "d") -> list:
    return extract_claims(doc_id=doc_id, text=text, sentences=None, published=PUBLISHED)


@pytest.mark.parametrize(
    ("text", "subject", "target"),
    [
        ("Japan's exports to Brazil were $5 billion in 2023.", ("JPN",), ("BRA",)),
        ("Brazil's exports to Japan were $9 billion in 2023.", ("BRA",), ("JPN",)),
        ("Japan shipped $5 billion of exports to Brazil in 2023.", ("JPN",), ("BRA",)),
        ("Japan's imports from Brazil were $7 billion in 2023.", ("JPN",), ("BRA",)),
        ("Japan's trade deficit with Brazil was $2 billion in 2023.", ("JPN",), ("BRA",)),
        ("Exports to Brazil were $5 billion in 2023.", (), ("BRA",)),  # the exporter is not named
        ("Japan's exports were $700 billion in 2023.", ("JPN",), ()),
        ("Trade between Japan and Brazil was $14 billion in 2023.", ("BRA", "JPN"), ()),  # no direction
    ],
)
def test_trade_partner_is_the_target(text: str, subject: tuple, target: tuple) -> None:
    (claim,) = claims_of(text)
    assert (claim.subject, claim.target) == (subject, target)


def test_trade_partner_two_directions_never_contradict() -> None:
    claims = claims_of("Japan's exports to Brazil were $5 billion in 2023.", "a")
    claims += claims_of("Brazil's exports to Japan were $9 billion in 2023.", "b")
    claims += claims_of("Exports to Japan were $80 billion in 2023.", "c")
    claims += claims_of("Japan's exports were $700 billion in 2023.", "d")
    assert not [g for g in group_claims(claims, tolerance=0.05) if g.status == "contradicted"]


def test_trade_partner_keeps_a_real_conflict() -> None:
    claims = claims_of("Japan's exports to Brazil were $5 billion in 2023.", "a")
    claims += claims_of("Japan's exports to Brazil reached $9 billion in 2023.", "b")
    assert [g.status for g in group_claims(claims, tolerance=0.05)] == ["contradicted"]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Unemployment among young workers in Chile was 8 percent in 2023.", "young workers"),
        ("Among women, Chile's unemployment was 7 percent in 2023.", "women"),
        ("Chile's unemployment was 6 percent in 2023.", None),
        ("Unemployment among Chileans was 6 percent in 2023.", None),  # the whole country
    ],
)
def test_group_scope(text: str, scope: str | None) -> None:
    (claim,) = claims_of(text)
    assert claim.scope == scope


def test_group_scope_never_meets_the_country_rate() -> None:
    claims = claims_of("Unemployment among young workers in Chile was 8 percent in 2023.", "a")
    claims += claims_of("Chile's unemployment was 6 percent in 2023.", "b")
    assert not [g for g in group_claims(claims, tolerance=0.05) if g.status == "contradicted"]
