"""Rules of events/timing.py, one behaviour per test, on invented sentences (real model and resolver)."""

from datetime import date

import pytest

pytestmark = pytest.mark.model


def test_the_start_of_a_span_does_not_date_the_act(coded):
    events, _ = coded("Russia has shelled Ukraine's ports since February 2022.", published=date(2025, 3, 12))
    acts = [e for e in events if e.root in ("18", "19", "20")]
    assert acts and all(e.date == date(2025, 3, 12) for e in acts)


def test_a_caption_gives_no_event(coded):
    events, trace = coded("Putin meets Modi in New Delhi, Dec. 5, 2024. (AP Photo/Jane Roe)")
    assert not [e for e in events if e.target]
    assert "timing.caption" in {d["rule"] for d in trace.dropped}


def test_a_time_stamp_does_not_date_the_act(coded):
    events, _ = coded("Updated 10:32 GMT, January 3, 2024: Iran condemned Israel's strike.", published=date(2025, 3, 12))
    acts = [e for e in events if e.target]
    assert acts and all(e.date == date(2025, 3, 12) for e in acts)
