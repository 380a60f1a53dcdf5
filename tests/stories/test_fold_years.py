"""Rule stories.fold_years: days named without a year are compared in the year nearest the dates they meet."""

from datetime import date

import numpy as np
import pytest
from test_cluster import FakeEmbedder

from multipolar.settings import Settings
from multipolar.stories import StoryClusterer, StoryInput
from multipolar.stories.spans import fold_days, fold_years, is_yearless, join_span, shift_years

FLOOD = "Heavy rain flooded the river town of Eastbrook, and 40 families left their homes, the mayor said."
FLOOD_2 = "The river town of Eastbrook counted 40 families out of their homes after the flood, the mayor said."
OSCAR = "Hugh Jackman will host the Oscar ceremony at the Kodak Theatre, the Academy announced."
HARD = Settings(story_event_date_margin=float("inf"))  # a later event date keeps groups apart outright


def _batch(yearless_day: tuple[int, int]) -> list[StoryInput]:
    """Two dated flood reports of 2019, an undated one naming only a day of the year, and more documents
    of 2024 (so the day is placed in a year near 2024, far from the flood's)."""
    return [
        StoryInput("f1", None, FLOOD, date(2019, 11, 18)),
        StoryInput("f2", None, FLOOD, date(2019, 11, 19)),
        StoryInput("f3", None, FLOOD_2, None, yearless_days=(yearless_day,)),
        *(StoryInput(f"o{k}", None, OSCAR, date(2024, 3, 1 + k)) for k in range(3)),
    ]


def test_is_yearless_only_for_documents_dated_by_days_without_a_year():
    assert is_yearless(StoryInput("a", None, FLOOD, None, yearless_days=((11, 19),)))
    assert is_yearless(StoryInput("a", None, FLOOD, None, event_dates=(date(2024, 11, 19),),
                                  yearless_days=((11, 19),)))  # as place_yearless placed it
    assert not is_yearless(StoryInput("a", None, FLOOD, date(2019, 11, 19), yearless_days=((11, 19),)))
    assert not is_yearless(StoryInput("a", None, FLOOD, None, event_dates=(date(2019, 5, 2),),
                                      yearless_days=((11, 19),)))  # a firm event date of its own
    assert not is_yearless(StoryInput("a", None, FLOOD, None))


@pytest.mark.parametrize(("span", "onto", "expected"), [
    ((date(2023, 11, 19), date(2023, 11, 19)), (date(2019, 11, 18), date(2019, 11, 19)), date(2019, 11, 19)),
    ((date(2024, 12, 30), date(2024, 12, 30)), (date(2019, 1, 2), date(2019, 1, 2)), date(2018, 12, 30)),
    ((date(2024, 2, 29), date(2024, 2, 29)), (date(2019, 3, 1), date(2019, 3, 1)), date(2019, 2, 28)),
    ((date(2019, 6, 1), date(2019, 6, 1)), (date(2019, 6, 20), date(2019, 6, 20)), date(2019, 6, 1)),
])
def test_fold_years_moves_a_span_by_whole_years_nearest_the_other(span, onto, expected):
    first, last = fold_years(*span, *onto)
    assert first == last == expected


def test_fold_days_brings_a_difference_within_half_a_year():
    gaps = np.array([0.0, 5.0, 365.0 * 5 + 1 + 3, -(365.0 * 2 + 1) + 40, 200.0])
    folded = fold_days(gaps)
    assert np.allclose(folded[:4], [0, 5, 3, 40], atol=1.5)
    assert folded[4] == pytest.approx(200 - 365.2425)
    assert shift_years(date(2020, 2, 29), 1) == date(2021, 2, 28)


def test_join_span_keeps_the_firm_groups_years():
    firm = (date(2019, 11, 18), date(2019, 11, 19), False)
    yearless = (date(2023, 11, 20), date(2023, 11, 20), True)
    assert join_span(*firm, *yearless) == (date(2019, 11, 18), date(2019, 11, 20), False)
    assert join_span(*yearless, *firm) == (date(2019, 11, 18), date(2019, 11, 20), False)
    assert join_span(*yearless, *yearless) == (date(2023, 11, 20), date(2023, 11, 20), True)
    assert join_span(None, None, False, *yearless) == yearless


def test_a_yearless_report_of_the_day_joins_the_dated_story_of_another_year():
    clusterer = StoryClusterer(HARD, FakeEmbedder())
    result = {a.doc_id: a.story_id for a in clusterer.assign(_batch((11, 19)))}
    assert result["f3"] == result["f1"] == result["f2"] != result["o0"]
    story = next(s for s in clusterer.stories() if "f3" in s.doc_ids)
    assert (story.first_date, story.last_date) == (date(2019, 11, 18), date(2019, 11, 19))  # not 2023


def test_a_yearless_day_weeks_after_the_story_still_counts_as_a_later_event():
    result = {a.doc_id: a.story_id for a in StoryClusterer(HARD, FakeEmbedder()).assign(_batch((12, 30)))}
    assert result["f3"] != result["f1"] == result["f2"]  # 30 December 2019: six weeks after the flood
