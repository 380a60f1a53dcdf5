"""timing.implausible: an act stated as done but dated well after its report, or dated before the earliest
year, keeps its date with a flag (and relations leave it out: tests/relations)."""

from __future__ import annotations

from datetime import date

import pytest

from multipolar.events.timing import date_flag, flag_implausible_dates
from multipolar.records import Event

PUBLISHED = date(2025, 3, 12)


def _event(day: date | None, modality: str = "asserted") -> Event:
    return Event(
        event_id="e", doc_id="d", sentence=0, date=day, date_precision="day", source="RUS", source_actor="RUSGOV",
        source_name=None, target="CHN", target_actor="CHNGOV", target_name=None, cameo="040", root="04", quad=1,
        goldstein=1.0, plover=None, plover_mode=None, negated=False, modality=modality, confidence=0.9,
        trigger="met", text="Russia met China.", span=(0, 17),
    )


def _flag(day: date | None, modality: str = "asserted", published: date | None = PUBLISHED) -> str | None:
    return date_flag(_event(day, modality), published, future_days=2, earliest_year=1900)


@pytest.mark.parametrize(("day", "modality", "expected"), [
    (date(2025, 3, 10), "asserted", None),
    (date(2025, 3, 14), "asserted", None),  # within the margin (time zones, "tomorrow")
    (date(2025, 3, 15), "asserted", "after_published"),
    (date(2031, 3, 3), "reported", "after_published"),
    (date(2025, 5, 1), "intended", None),  # a plan may lie ahead
    (date(2025, 5, 1), "hypothetical", None),
    (date(1850, 1, 1), "asserted", "before_earliest_year"),
    (date(1850, 1, 1), "intended", "before_earliest_year"),
    (None, "asserted", None),
])
def test_date_flag(day, modality, expected):
    assert _flag(day, modality) == expected


def test_without_a_publication_date_only_the_earliest_year_applies():
    assert _flag(date(2099, 1, 1), published=None) is None
    assert _flag(date(1899, 12, 31), published=None) == "before_earliest_year"


def test_flag_implausible_dates_keeps_the_date_and_sets_the_flag():
    (flagged,) = flag_implausible_dates([_event(date(2031, 3, 3))], PUBLISHED, future_days=2, earliest_year=1900)
    assert flagged.date == date(2031, 3, 3) and flagged.date_flag == "after_published"
    assert flagged.to_json()["date_flag"] == "after_published"


@pytest.mark.model
def test_the_coder_flags_an_act_dated_years_after_its_report(coded):
    events, _ = coded("Russia and China signed a trade agreement on March 3, 2031.", published=PUBLISHED)
    acts = [e for e in events if e.target and e.date == date(2031, 3, 3)]
    assert acts and all(e.date_flag == "after_published" for e in acts)
    events, _ = coded("Russia and China signed a trade agreement on March 3, 2025.", published=PUBLISHED)
    assert [e for e in events if e.target] and all(e.date_flag is None for e in events)
