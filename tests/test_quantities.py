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


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("the gap stood at one point two trillion dollars", "one point two trillion dollars", 1.2e12, "USD"),
        ("a shortfall of 2 point 4 trillion dollars", "2 point 4 trillion dollars", 2.4e12, "USD"),
        ("prices climbed nine point five percent", "nine point five percent", 9.5, "percent"),
        ("nearly a billion dollars for ports", "a billion dollars", 1e9, "USD"),
        ("three and a half million tonnes of grain", "three and a half million tonnes", 3.5e6, "tonnes"),
        ("rates of 6 and a half percent", "6 and a half percent", 6.5, "percent"),
    ],
)
def test_find_quantities_spoken_figures(text: str, phrase: str, value: float, unit: str) -> None:
    """Rule `spoken_figures`: decimals read out with "point", "and a half", "a" before a scale word."""
    (q,) = find_quantities(text)
    assert (q.text, q.value, q.unit) == (phrase, value, unit)
    assert text[q.start : q.end] == phrase


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("we trimmed the shortfall by 2 trillion 300 billion dollars", 2.3e12),
        ("we trimmed the shortfall by one trillion, six hundred billion dollars", 1.6e12),
        ("we trimmed the shortfall by $2 trillion 300 billion", 2.3e12),
        ("some 3 million 200 thousand people left the coast", 3.2e6),
    ],
)
def test_find_quantities_scaled_sum_is_one_figure(text: str, value: float) -> None:
    """Rule `scaled_sum`: a figure spoken as a sum of scaled parts is one figure."""
    (q,) = find_quantities(text)
    assert q.value == value
    assert text[q.start : q.end] == q.text


def test_find_quantities_scaled_sum_keeps_a_list_apart() -> None:
    """A second figure as large as the part before it is another figure, not its remainder."""
    found = find_quantities("ports got $4 billion, 6 billion dollars went to rail")
    assert [q.value for q in found] == [4e9, 6e9]


def test_find_quantities_a_alone_is_no_number() -> None:
    assert find_quantities("a man and a woman met a friend") == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("the shortfall was $3.2 — $3.2 billion last spring", ["$3.2 billion"]),
        ("the shortfall was $3.2 ... uh, $3.25 billion", ["$3.25 billion"]),
        ("prices ran $3 - $4 billion a month", ["$3", "$4 billion"]),
        ("the shortfall was $3.2 — and then $7 billion", ["$3.2", "$7 billion"]),
    ],
)
def test_find_quantities_drops_a_restarted_figure(text: str, kept: list[str]) -> None:
    """Rule `restarted_figure`: a figure broken off and said again is one figure."""
    assert [q.text for q in find_quantities(text)] == kept


def test_find_quantities_scale_words_in_title_case() -> None:
    (q,) = find_quantities("Ruritania Exports Climb To $4 Billion")
    assert (q.text, q.value) == ("$4 Billion", 4e9)


def test_find_quantities_asked_again_gives_the_same_phrases():
    text = "Imports rose 12% to $80 billion, and 3,000 workers lost their jobs."
    first = find_quantities(text)
    assert find_quantities(text) == first
    assert [q.text for q in first] == ["12%", "$80 billion", "3,000 workers"]


def test_find_quantities_gives_each_caller_its_own_list():
    text = "The grant of $5 million was approved."
    first = find_quantities(text)
    first.clear()
    assert [q.text for q in find_quantities(text)] == ["$5 million"]


def test_find_quantities_kept_answers_do_not_cross_texts():
    from multipolar.quantities import _KEPT_TEXTS

    texts = [f"a fund of ${n} million" for n in range(1, _KEPT_TEXTS + 3)]
    for _ in range(2):  # the second round finds the first texts pushed out of the kept answers
        assert [find_quantities(t)[0].value for t in texts] == [n * 1e6 for n in range(1, _KEPT_TEXTS + 3)]
    assert find_quantities("no figure here") == []
