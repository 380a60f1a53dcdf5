"""The seed articles: $220 billion (no period) vs $245 billion (2024) of China–Russia trade."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar.claims.extract import extract_claims
from multipolar.claims.group import group_claims

pytestmark = pytest.mark.shared

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def seed_text(prefix: str) -> str:
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert paths, f"seed {prefix} missing under {SEEDS}: the tests need ../shared beside the checkout"
    return paths[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_claims() -> dict[str, list]:
    return {
        prefix: extract_claims(doc_id=prefix, text=seed_text(prefix), sentences=None, published=None)
        for prefix in ("000", "001", "003")
    }


def trade(claims: list) -> list:
    return [c for c in claims if c.measure == "bilateral trade" and c.unit == "USD"]


@pytest.mark.parametrize(
    ("prefix", "value", "period"), [("000", 220e9, None), ("001", 245e9, "2024"), ("003", 245e9, "2024")]
)
def test_seed_trade_claim(seed_claims: dict, prefix: str, value: float, period: str | None) -> None:
    (claim,) = trade(seed_claims[prefix])
    assert (claim.value, claim.period, claim.subject) == (value, period, ("CHN", "RUS"))


def test_seed_trade_claims_form_one_conflicting_group(seed_claims: dict) -> None:
    claims = [c for prefix in ("000", "001", "003") for c in seed_claims[prefix]]
    groups = [
        g for g in group_claims(claims, tolerance=0.05) if g.measure == "bilateral trade" and g.unit == "USD"
    ]
    assert len(groups) == 1
    (group,) = groups
    assert group.subject == ("CHN", "RUS")
    assert (group.n_documents, group.min_value, group.max_value) == (3, 220e9, 245e9)
    assert group.status in {"different_periods", "contradicted"}
    assert "2024 vs unstated" in group.reason


def test_seed_trade_conflict_for_2024_once_the_undated_seed_has_its_inferred_date() -> None:
    """Seed 000 carries no date: the store infers one from its text (`stories.undated`); with it, its
    present-tense $220 billion is the current annual level (rule `current_annual_level`): 2024."""
    from datetime import date

    from multipolar.stories.undated import infer_published

    dated = {"001": date(2025, 1, 21), "003": date(2025, 1, 22)}  # 001 prints its date; both say "in 2024"
    undated = infer_published(seed_text("000"), story_dates=[], reference=dated["001"], ingested=date.today())
    claims = extract_claims(doc_id="000", text=seed_text("000"), sentences=None, published=undated.published)
    claims += [c for prefix, published in dated.items()
               for c in extract_claims(doc_id=prefix, text=seed_text(prefix), sentences=None, published=published)]
    (claim,) = trade([c for c in claims if c.doc_id == "000"])
    assert (claim.value, claim.period) == (220e9, "2024")
    (group,) = [g for g in group_claims(claims, tolerance=0.05) if g.measure == "bilateral trade" and g.unit == "USD"]
    assert group.status == "contradicted"
