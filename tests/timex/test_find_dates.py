"""multipolar.timex: forms of English temporal expressions and their TIMEX3 values."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multipolar.timex import TimeExpression, find_dates

WED = dt.date(2025, 1, 22)  # a Wednesday


def _value(text: str, anchor: dt.date | None = WED) -> str | None:
    found = find_dates(text, anchor)
    return found[0].value if found else None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The deal was signed on January 21, 2025.", "2025-01-21"),
        ("The deal was signed on 21 January 2025.", "2025-01-21"),
        ("The deal was signed on the 21st of January, 2025.", "2025-01-21"),
        ("The deal was signed on Tuesday, Jan. 21, 2025.", "2025-01-21"),
        ("The deal was signed 2025-01-21 in Beijing.", "2025-01-21"),
        ("The deal was signed 1/21/2025 in Beijing.", "2025-01-21"),
        ("The deal was signed 21.01.2025 in Beijing.", "2025-01-21"),
        ("Talks began in January 2025.", "2025-01"),
        ("Talks began in Sept. 2024.", "2024-09"),
        ("Relations froze in 1998.", "1998"),
        ("Growth slowed in fiscal 2024.", "2024"),
        ("Relations froze in nineteen ninety-eight.", "1998"),
    ],
)
def test_find_dates_absolute_forms(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Putin spoke to Xi on Tuesday.", "2025-01-21"),
        ("Putin spoke to Xi on Wednesday.", "2025-01-22"),
        ("Putin spoke to Xi on Thursday.", "2025-01-16"),
        ("Putin will meet Xi on Friday.", "2025-01-24"),
        ("Putin spoke to Xi last Wednesday.", "2025-01-15"),
        ("Putin meets Xi next Tuesday.", "2025-01-28"),
        ("Putin meets Xi this Friday.", "2025-01-24"),
        ("Wednesday's vote was close.", "2025-01-22"),
    ],
)
def test_find_dates_weekday_resolution(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministers met today.", "2025-01-22"),
        ("The ministers met yesterday.", "2025-01-21"),
        ("The ministers meet tomorrow.", "2025-01-23"),
        ("The ministers met last week.", "2025-W03"),
        ("The ministers meet this week.", "2025-W04"),
        ("The ministers meet next week.", "2025-W05"),
        ("The ministers met last month.", "2024-12"),
        ("The ministers met earlier this month.", "2025-01"),
        ("The ministers meet next month.", "2025-02"),
        ("The ministers met last year.", "2024"),
        ("The ministers meet this year.", "2025"),
        ("The ministers meet next year.", "2026"),
        ("The ministers met three days ago.", "2025-01-19"),
        ("The ministers met two weeks ago.", "2025-W02"),
        ("The ministers met six months ago.", "2024-07"),
        ("The ministers met three years ago.", "2022"),
        ("The ministers met over the weekend.", "2025-W03-WE"),
    ],
)
def test_find_dates_relative_to_anchor(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("The summit was held in May.", dt.date(2025, 1, 22), "2024-05"),
        ("The summit will be held in May.", dt.date(2025, 1, 22), "2025-05"),
        ("The summit was held on May 9.", dt.date(2025, 6, 1), "2025-05-09"),
        ("The summit was held in December.", dt.date(2025, 1, 22), "2024-12"),
        ("The summit will be held in January.", dt.date(2025, 11, 20), "2026-01"),
        ("Exports fell in mid-November.", dt.date(2025, 12, 2), "2025-11"),
    ],
)
def test_find_dates_month_without_year(text: str, anchor: dt.date, value: str) -> None:
    assert _value(text, anchor) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Trade grew in the first quarter of 2025.", "2025-Q1"),
        ("Trade grew in Q3 2024.", "2024-Q3"),
        ("Fourth-quarter trade grew.", "2024-Q4"),
        ("Trade grew in the second half of 2024.", "2024-H2"),
        ("Trade grew last summer.", "2024-SU"),
        ("Trade grew in the spring of 2023.", "2023-SP"),
        ("Trade grew in the 1990s.", "199"),
        ("Trade grew in the late nineties.", "199"),
        ("Trade grew in the 90s.", "199"),
        ("Trade grew in the winter of nineteen ninety-four.", "1994-WI"),
        ("Trade grew in March nineteen ninety-seven.", "1997-03"),
        ("Trade grew in the 19th century.", "18"),
        ("Trade grew in mid-2023.", "2023"),
    ],
)
def test_find_dates_quarters_halves_seasons_decades(text: str, value: str) -> None:
    assert _value(text) == value


def _values(text: str, anchor: dt.date) -> list[tuple[str, str]]:
    return [(x.text, x.value) for x in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        pytest.param(
            "Profit rose in the third quarter, against a loss in the corresponding period last year; "
            "last year's quarter was weak, and the 1988 quarter weaker than the 1987 second quarter.",
            dt.date(1989, 10, 26),
            [("the third quarter", "1989-Q3"), ("the corresponding period last year", "1988-Q3"),
             ("last year's quarter", "1988-Q3"), ("the 1988 quarter", "1988-Q3"),
             ("the 1987 second quarter", "1987-Q2")],
            id="quarter comparisons take the year before the quarter discussed",
        ),
        pytest.param(
            "The envoys met on May 3. The next morning they signed; earlier that day they had argued. "
            "In 2019 the talks began, and later that year they stalled.",
            dt.date(2025, 6, 1),
            [("May 3", "2025-05-03"), ("The next morning", "2025-05-04"), ("earlier that day", "2025-05-04"),
             ("2019", "2019"), ("later that year", "2019")],
            id="days and years relative to the last one mentioned",
        ),
    ],
)
def test_find_dates_relative_to_the_discourse_reference(text: str, anchor: dt.date, expected: list) -> None:
    assert _values(text, anchor) == expected


def test_find_dates_full_year_and_year_end_are_the_current_year() -> None:
    text = "By 2030 output doubles. Sales for the full year rose, and debt falls by year-end."
    assert _values(text, dt.date(2025, 6, 1)) == [("2030", "2030"), ("the full year", "2025"), ("year-end", "2025")]
    assert _values("The then-current rules held.", dt.date(2025, 6, 1)) == [("then-current", "PAST_REF")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Relations are now at a low.", "PRESENT_REF"),
        ("Relations have recently improved.", "PAST_REF"),
        ("Relations may improve in the future.", "FUTURE_REF"),
    ],
)
def test_find_dates_vague_references(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The war lasted three years.", "P3Y"),
        ("The talks took 10 days.", "P10D"),
        ("A two-week truce held.", "P2W"),
        ("Prices rose in the last twenty four hours.", "PT24H"),
    ],
)
def test_find_dates_durations_have_no_date(text: str, value: str) -> None:
    found = find_dates(text, WED)
    assert [(x.value, x.date, x.precision) for x in found] == [(value, None, None)]


def test_find_dates_since_month_year() -> None:
    assert _value("Fighting has gone on since February 2022.") == "2022-02"


def test_find_dates_three_years_after_is_only_a_duration() -> None:
    assert _value("Three years after the war, trade recovered.") == "P3Y"


def test_find_dates_a_year_earlier_follows_the_reference_quarter() -> None:
    found = find_dates("Third-quarter profit rose 5% from a year earlier.", dt.date(2025, 10, 30))
    assert [x.value for x in found] == ["2025-Q3", "2024-Q3"]


def test_find_dates_following_year_follows_the_reference_year() -> None:
    found = find_dates("The treaty was signed in 1998. The following year it lapsed.", WED)
    assert [x.value for x in found] == ["1998", "1999"]


@pytest.mark.parametrize(
    ("text", "value", "day", "precision"),
    [
        ("on January 21, 2025", "2025-01-21", dt.date(2025, 1, 21), "day"),
        ("in January 2025", "2025-01", dt.date(2025, 1, 1), "month"),
        ("in 2025", "2025", dt.date(2025, 1, 1), "year"),
        ("this week", "2025-W04", dt.date(2025, 1, 20), "week"),
        ("in the first quarter of 2025", "2025-Q1", None, None),
        ("now", "PRESENT_REF", None, None),
    ],
)
def test_find_dates_date_and_precision(
    text: str, value: str, day: dt.date | None, precision: str | None
) -> None:
    (found,) = find_dates(text, WED)
    assert (found.value, found.date, found.precision) == (value, day, precision)


def test_find_dates_offsets_point_at_the_text() -> None:
    text = "Xi met Putin on Tuesday and again on March 3, 2024."
    for x in find_dates(text, WED):
        assert text[x.start : x.end] == x.text
    assert [x.text for x in find_dates(text, WED)] == ["Tuesday", "March 3, 2024"]


def test_find_dates_without_anchor_keeps_absolute_and_marks_yearless() -> None:
    found = find_dates("On May 9 and on Tuesday, 2025-01-21, and yesterday.", None)
    assert [x.value for x in found] == ["XXXX-05-09", "XXXX-WXX-2", "2025-01-21"]


@pytest.mark.parametrize("text", ["The president may visit.", "Troops march on.", "2500 troops"])
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert find_dates(text, WED) == []


def test_find_dates_returns_records() -> None:
    (found,) = find_dates("today", WED)
    assert isinstance(found, TimeExpression)
    with pytest.raises(AttributeError):
        found.value = "x"  # type: ignore[misc]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789 /.-,'abcdefghijklmnopqrstuvwxyzJMTWFSQH\n"))
        | st.characters(),
        max_size=200,
    ),
    anchor=st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
def test_find_dates_never_raises_and_offsets_in_bounds(text: str, anchor: dt.date | None) -> None:
    found = find_dates(text, anchor)
    for x in found:
        assert 0 <= x.start <= x.end <= len(text)
        assert text[x.start : x.end] == x.text


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "last",
                "next",
                "this",
                "the",
                "year",
                "years",
                "week",
                "month",
                "quarter",
                "third",
                "ago",
                "earlier",
                "later",
                "Friday",
                "May",
                "9",
                "31",
                "2025",
                "1/31/99",
                "Dec.",
                "fiscal",
                "a",
                "three",
                "summer",
                "1990s",
                "century",
                "21st",
                "today",
                ",",
                "of",
            ]
        ),
        max_size=12,
    ),
    anchor=st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
def test_find_dates_never_raises_on_date_words(words: list[str], anchor: dt.date | None) -> None:
    text = " ".join(words)
    for x in find_dates(text, anchor):
        assert text[x.start : x.end] == x.text


def test_us_federal_days_fixed_by_statute() -> None:
    import datetime as _dt

    from multipolar.timex import find_dates as _find

    found = _find("Voters go to the polls on Election Day; parades follow on Veterans Day.", _dt.date(1998, 10, 26))
    assert [(x.text, x.value) for x in found] == [("Election Day", "1998-11-03"), ("Veterans Day", "1998-11-11")]


def test_near_and_long_term_are_vague_future() -> None:
    import datetime as _dt

    from multipolar.timex import find_dates as _find

    found = _find("Prices may fall in the near term but rise over the long term.", _dt.date(1998, 10, 26))
    assert [x.value for x in found] == ["FUTURE_REF", "FUTURE_REF"]
    assert _find("Short-term debt rose.", _dt.date(1998, 10, 26)) == []


def test_frequency_adverbs_are_sets_but_adjectives_are_not() -> None:
    import datetime as _dt

    from multipolar.timex import find_dates as _find

    found = _find("Protesters rallied daily, and the figures are reported monthly.", _dt.date(2000, 1, 5))
    assert [(x.text, x.value) for x in found] == [("daily", "P1D"), ("monthly", "P1M")]
    assert _find("He reads a daily newspaper.", _dt.date(2000, 1, 5)) == []


def test_anniversaries_of_landmark_events() -> None:
    text = "The call came on the anniversary of Russia's 2022 invasion of Ukraine, officials said."
    assert _value(text, dt.date(2025, 2, 25)) == "2025-02-24"
    assert _value(text, None) == "XXXX-02-24"  # no publication date: the day of the year only
    assert _value("Veterans gathered for the 80th anniversary of D-Day.", None) == "2024-06-06"
    # a year that is not the landmark's, or an unknown event: no anniversary, the year is still read
    assert _value("Crowds marked the anniversary of the 2014 invasion of Ukraine.", dt.date(2025, 3, 1)) == "2014"
    assert _value("The firm celebrated the anniversary of its founding.", dt.date(2025, 3, 1)) is None


def test_yearless_days_of_an_undated_text() -> None:
    from multipolar.timex import yearless_days

    text = "Talks were held on February 24, on the anniversary of the fall of the Berlin Wall, and in May."
    assert yearless_days(text) == ((2, 24), (11, 9))


@pytest.mark.parametrize(("text", "value"), [
    ("Ghana marked its Independence Day with a parade.", None),
    ("Ghana's Independence Day passed quietly.", None),
    ("Leaders sent wishes on their independence day.", None),
    ("America's Independence Day was quiet.", "2024-07-04"),  # past tense: the last one
    ("Fireworks lit the sky on Independence Day.", "2025-07-04"),
])
def test_independence_day_of_another_nation_is_not_july_fourth(text: str, value: str | None) -> None:
    found = [d for d in find_dates(text, WED) if "ndependence" in d.text]
    assert (found[0].value if found else None) == value
