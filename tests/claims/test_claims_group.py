"""Claim groups: corroborated, contradicted, different periods, single."""

from __future__ import annotations

import pytest

from multipolar.claims.group import group_claims, group_id_of, group_ids_by_claim
from multipolar.records import Claim

TOL = 0.05


def claim(
    doc: str,
    value: float,
    *,
    period: str | None = None,
    unit: str = "USD",
    measure: str = "bilateral trade",
    subject: tuple[str, ...] = ("CHN", "RUS"),
    target: tuple[str, ...] = (),
    kind: str = "level",
    scope: str | None = None,
) -> Claim:
    return Claim(
        claim_id=f"{doc}-{value}-{unit}",
        doc_id=doc,
        sentence=0,
        start=0,
        end=1,
        text="x",
        value=value,
        unit=unit,
        measure=measure,
        subject=subject,
        period=period,
        target=target,
        kind=kind,
        scope=scope,
    )


def test_group_claims_unstated_vs_year_is_different_periods() -> None:
    (group,) = group_claims([claim("a", 220e9), claim("b", 245e9, period="2024")], tolerance=TOL)
    assert group.status == "different_periods"
    assert "2024 vs unstated" in group.reason
    assert (group.n_claims, group.n_documents, group.min_value, group.max_value) == (2, 2, 220e9, 245e9)


def test_group_claims_same_period_disagreeing_is_contradicted() -> None:
    (group,) = group_claims(
        [claim("a", 220e9, period="2024"), claim("b", 245e9, period="2024")], tolerance=TOL
    )
    assert group.status == "contradicted"
    assert "2024" in group.reason and "220 billion USD" in group.reason


def test_group_claims_both_unstated_disagreeing_is_not_a_contradiction() -> None:
    (group,) = group_claims([claim("a", 220e9), claim("b", 245e9)], tolerance=TOL)
    assert group.status == "periods_unstated"
    assert "no period is stated" in group.reason


def test_group_claims_agreeing_documents_corroborate() -> None:
    (group,) = group_claims(
        [claim("a", 245e9, period="2024"), claim("b", 244e9, period="2024")], tolerance=TOL
    )
    assert group.status == "corroborated"
    assert group.reason.startswith("2 documents agree within 5%")


def test_group_claims_one_document_is_single() -> None:
    (group,) = group_claims([claim("a", 245e9, period="2024")], tolerance=TOL)
    assert (group.status, group.n_documents) == ("single", 1)


def test_group_claims_never_mixes_units_or_subjects() -> None:
    groups = group_claims(
        [
            claim("a", 245e9),
            claim("b", 245.0, unit="percent"),
            claim("c", 245e9, unit="CNY"),
            claim("d", 245e9, subject=("CHN", "USA")),
        ],
        tolerance=TOL,
    )
    assert len(groups) == 4
    assert {g.status for g in groups} == {"single"}


def test_group_claims_unspecified_measures_stay_apart() -> None:
    groups = group_claims(
        [claim("a", 5e9, measure="unspecified"), claim("b", 9e9, measure="unspecified")], tolerance=TOL
    )
    assert [g.n_claims for g in groups] == [1, 1]


def test_group_claims_ids_are_deterministic_and_cover_every_claim() -> None:
    claims = [claim("a", 220e9), claim("b", 245e9, period="2024"), claim("c", 5.0, unit="percent")]
    groups = group_claims(claims, tolerance=TOL)
    assert group_claims(list(reversed(claims)), tolerance=TOL) == groups
    membership = group_ids_by_claim(groups)
    assert set(membership) == {c.claim_id for c in claims}
    assert membership["a-220000000000.0-USD"] == group_id_of("bilateral trade", "USD", ("RUS", "CHN"))


def test_group_claims_instance_measures_never_contradict() -> None:
    claims = [claim("a", 500e9, period="2025-03", measure="investment", subject=("USA",)),
              claim("b", 20e9, period="2025-03", measure="investment", subject=("USA",))]
    (group,) = group_claims(claims, tolerance=TOL)
    assert group.status == "single" and "many instances" in group.reason


def test_group_claims_changes_never_contradict() -> None:
    claims = [claim("a", 50.0, period="2025", unit="percent", measure="tariff change", subject=("USA",)),
              claim("b", 10.0, period="2025", unit="percent", measure="tariff change", subject=("USA",))]
    (group,) = group_claims(claims, tolerance=TOL)
    assert group.status not in ("contradicted", "different_periods")


def test_group_claims_target_kind_and_scope_make_different_quantities() -> None:
    base = {"measure": "exports", "subject": ("CHN",), "period": "2024"}
    claims = [
        claim("a", 100e9, target=("RUS",), **base),
        claim("b", 130e9, target=("IND",), **base),
        claim("c", 20e9, target=("RUS",), kind="change", **base),
        claim("d", 5e9, target=("RUS",), scope="steel", **base),
    ]
    groups = group_claims(claims, tolerance=TOL)
    assert len(groups) == 4
    assert {g.status for g in groups} == {"single"}
    assert {(g.target, g.kind, g.scope) for g in groups} == {
        (("RUS",), "level", None), (("IND",), "level", None), (("RUS",), "change", None), (("RUS",), "level", "steel")
    }


def test_group_claims_same_quantity_and_period_still_contradicts() -> None:
    base = {"measure": "exports", "subject": ("CHN",), "target": ("RUS",), "period": "2024"}
    (group,) = group_claims([claim("a", 100e9, **base), claim("b", 130e9, **base)], tolerance=TOL)
    assert group.status == "contradicted"


def test_group_claims_changes_of_a_single_valued_measure_never_contradict() -> None:
    base = {"measure": "exports", "subject": ("CHN",), "period": "2024", "kind": "change", "unit": "percent"}
    (group,) = group_claims([claim("a", 5.0, **base), claim("b", 9.0, **base)], tolerance=TOL)
    assert group.status == "single"


def test_group_id_of_level_claims_without_target_or_scope_is_unchanged() -> None:
    assert group_id_of("trade", "USD", ("CHN", "RUS")) == group_id_of("trade", "USD", ("RUS", "CHN"), target=())
    assert group_id_of("trade", "USD", ("CHN",)) != group_id_of("trade", "USD", ("CHN",), target=("RUS",))


def test_group_claims_a_rate_in_money_never_contradicts() -> None:
    base = {"measure": "inflation", "subject": ("USA",), "period": "2023"}
    (group,) = group_claims([claim("a", 800.0, **base), claim("b", 1.5e9, **base)], tolerance=TOL)
    assert group.status == "single"
    (group,) = group_claims([claim("a", 3.0, unit="percent", **base), claim("b", 6.0, unit="percent", **base)],
                            tolerance=TOL)
    assert group.status == "contradicted"


def written(doc: str, text: str, value: float, *, before: str = "Chile's exports were ") -> Claim:
    """A claim whose figure is written as `text` in its sentence."""
    return Claim(claim_id=f"{doc}-{value}", doc_id=doc, sentence=0, start=0, end=1, text=text, value=value,
                 unit="USD", measure="exports", subject=("CHL",), period="2023",
                 sentence_text=f"{before}{text} in 2023.")


def test_group_claims_a_round_figure_agrees_with_a_finer_one_inside_its_rounding() -> None:
    (group,) = group_claims([written("a", "$1 trillion", 1e12), written("b", "$1.2 trillion", 1.2e12)], tolerance=TOL)
    assert group.status == "corroborated"


def test_group_claims_figures_outside_each_others_rounding_contradict() -> None:
    (group,) = group_claims([written("a", "$1.4 trillion", 1.4e12), written("b", "$1.2 trillion", 1.2e12)],
                            tolerance=TOL)
    assert group.status == "contradicted"


def test_group_claims_a_word_of_approximation_widens_the_rounding() -> None:
    exact = group_claims([written("a", "$2 trillion", 2e12), written("b", "$2.9 trillion", 2.9e12)], tolerance=TOL)
    about = group_claims([written("a", "$2 trillion", 2e12, before="Chile's exports were about "),
                          written("b", "$2.9 trillion", 2.9e12)], tolerance=TOL)
    assert (exact[0].status, about[0].status) == ("contradicted", "corroborated")


@pytest.mark.parametrize(
    ("text", "value", "margin"),
    [("$220 billion", 220e9, 0.5e9), ("$1.25 trillion", 1.25e12, 0.005e12), ("4.2 percent", 4.2, 0.05),
     ("100,000", 1e5, 5e4), ("twenty", 20.0, 0.0)],
)
def test_stated_margin_is_half_the_last_written_digit(text: str, value: float, margin: float) -> None:
    from multipolar.claims.group import stated_margin

    assert stated_margin(written("a", text, value)) == pytest.approx(margin)


@pytest.mark.parametrize(("other", "status"), [(740e9, "corroborated"), (850e9, "contradicted")])
def test_group_claims_approximate_round_reads_trailing_zeros_as_rounding(other: float, status: str) -> None:
    about = written("a", "$700 billion", 700e9, before="Chile's exports were about ")
    (group,) = group_claims([about, written("b", f"${other / 1e9:g} billion", other)], tolerance=TOL)
    assert group.status == status


def test_stated_margin_without_approximation_keeps_two_trailing_zeros_exact() -> None:
    from multipolar.claims.group import stated_margin

    assert stated_margin(written("a", "$700 billion", 700e9)) == pytest.approx(0.5e9)
