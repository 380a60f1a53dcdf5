"""Claims read off the real parse and actor matches, as the analysis stage runs them (needs the model)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from multipolar.claims.extract import extract_claims

pytestmark = pytest.mark.model

ON = date(2025, 6, 1)


@pytest.fixture(scope="module")
def coder():
    from multipolar.events.coder import EventCoder
    from multipolar.settings import load_settings

    return EventCoder(load_settings())


def claims_of(coder, text: str) -> list:
    doc = coder.pipeline.parse_one(text)
    matches = coder.resolver.resolve(doc, on=ON)
    return extract_claims(doc_id="d", text=text, sentences=None, published=ON, doc=doc, actors=matches)


@pytest.mark.parametrize(
    ("text", "subject", "target"),
    [
        ("Washington lifted its duty on Chinese imports to 60 percent on March 3.", ("USA",), ("CHN",)),
        ("Beijing answered with a 12 percent tariff on American coal and soybeans.", ("CHN",), ("USA",)),
    ],
)
def test_claims_parse_who_imposes_on_whom(coder, text: str, subject: tuple, target: tuple) -> None:
    (claim,) = claims_of(coder, text)
    assert (claim.measure, claim.subject, claim.target) == ("tariff", subject, target)


def test_claims_parse_one_good_and_all_goods_are_different_scopes(coder) -> None:
    one = claims_of(coder, "Beijing answered with a 12 percent tariff on American coal.")
    every = claims_of(coder, "Beijing answered with a 12 percent tariff on all American goods.")
    assert (one[0].scope, every[0].scope) == ("coal", "all")


def test_claims_parse_two_sources_disagreeing_on_one_quantity_still_conflict(coder) -> None:
    from multipolar.claims.group import group_claims

    one = claims_of(coder, "Chile's exports to Peru reached $9 billion in 2023, officials said.")
    other = claims_of(coder, "In 2023, Chilean exports to Peru were worth $12 billion.")
    claims = [*one, *(replace(c, doc_id="e") for c in other)]
    assert {(c.subject, c.target, c.kind, c.period) for c in claims} == {(("CHL",), ("PER",), "level", "2023")}
    (group,) = group_claims(claims, tolerance=0.05)
    assert group.status == "contradicted"
