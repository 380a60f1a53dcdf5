"""Number phrases: every money form, percentages, barrels per day, tonnes, gas volumes, people."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from multipolar.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("Exports reached $245 billion.", "$245 billion", 245e9, "USD"),
        ("a 220 billion dollars deal", "220 billion dollars", 220e9, "USD"),
        ("the 310 billion dollar pipeline", "310 billion dollar", 310e9, "USD"),
        ("revenue fell to $1.38bn on Monday", "$1.38bn", 1.38e9, "USD"),
        ("a loan of 1.5 trillion yuan", "1.5 trillion yuan", 1.5e12, "CNY"),
        ("the fund holds €3 million", "€3 million", 3e6, "EUR"),
        ("the bank lent RUB 10bn", "RUB 10bn", 10e9, "RUB"),
        ("worth US$ 40 billion", "US$ 40 billion", 40e9, "USD"),
        ("a grant of 12 Canadian dollars", "12 Canadian dollars", 12.0, "CAD"),
        ("sold for £750,000", "£750,000", 750_000.0, "GBP"),
    ],
)
def test_find_quantities_money_forms(text: str, phrase: str, value: float, unit: str) -> None:
    (q,) = find_quantities(text)
    assert (q.text, q.value, q.unit) == (phrase, value, unit)
    assert text[q.start : q.end] == phrase


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("a tariff of 145% on steel", "145%", 145.0, "percent"),
        ("duties rose to 125 percent", "125 percent", 125.0, "percent"),
        ("inflation of 7 % a year", "7 %", 7.0, "percent"),
        ("growth slowed by five percent", "five percent", 5.0, "percent"),
        ("rates rose 0.25 percentage points", "0.25 percentage points", 0.25, "pp"),
        ("output of 9.5 million barrels per day", "9.5 million barrels per day", 9.5e6, "bpd"),
        ("loaded 500,000 bpd last month", "500,000 bpd", 500_000.0, "bpd"),
        ("shipped 2.5 million tonnes of wheat", "2.5 million tonnes", 2.5e6, "tonnes"),
        ("pumped 38 bcm of gas", "38 bcm", 38e9, "m3"),
        ("some 22 billion cubic metres a year", "22 billion cubic metres", 22e9, "m3"),
        ("sent 1,000 troops to the border", "1,000 troops", 1000.0, "people"),
        ("two million refugees fled", "two million refugees", 2e6, "people"),
        ("about 300 Ukrainian soldiers", "300 Ukrainian soldiers", 300.0, "people"),
    ],
)
def test_find_quantities_other_units(text: str, phrase: str, value: float, unit: str) -> None:
    (q,) = find_quantities(text)
    assert (q.text, q.value, q.unit) == (phrase, value, unit)


@pytest.mark.parametrize(
    "text",
    ["In 2022 troops crossed the border.", "The meeting lasted 45 minutes.", "On page 12 of the report."],
)
def test_find_quantities_ignores_years_and_bare_numbers(text: str) -> None:
    assert find_quantities(text) == []


def test_find_quantities_counts_people_noun() -> None:
    (q,) = find_quantities("nearly 700 thousand forces were lost")
    assert (q.value, q.noun) == (700_000.0, "troops")


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,380.5", 1380.5), ("twenty-five", 25.0), ("a dozen", 12.0), ("two hundred and five", 205.0)],
)
def test_parse_number_digits_and_words(text: str, value: float) -> None:
    assert parse_number(text) == value


@given(st.text(max_size=300))
def test_find_quantities_spans_inside_text(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    ["See [the data](https://example.org/cpi?range=2026%20to%2030%25) for Peru.",
     "Read www.example.org/report-5-percent-2024 about Peru."],
)
def test_find_quantities_reads_no_figure_inside_a_web_address(text: str) -> None:
    assert find_quantities(text) == []


def test_find_quantities_keeps_a_figure_beside_a_web_address() -> None:
    (q,) = find_quantities("Peru's inflation was 4% (https://example.org/peru).")
    assert (q.value, q.unit) == (4.0, "percent")
