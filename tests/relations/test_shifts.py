"""Shift detection: one clear break is found, with its date, direction and driving events."""

from __future__ import annotations

from datetime import date

import numpy as np

from multipolar.relations.dyads import dyad_series
from multipolar.relations.periods import next_period
from multipolar.relations.shifts import change_points, detect_triangle_shifts, dyad_shifts
from multipolar.relations.triangle import EdgeDocumentRow, aggregate_documents, build_triangle
from multipolar.settings import Settings


def test_change_points_find_one_clear_break() -> None:
    rng = np.random.default_rng(1)
    values = np.r_[rng.normal(2.0, 0.4, 24), rng.normal(-3.0, 0.4, 24)]
    assert change_points(values) == [24]


def test_change_points_none_in_noise() -> None:
    rng = np.random.default_rng(2)
    assert change_points(rng.normal(0.5, 0.5, 48)) == []


def test_dyad_shift_has_date_size_direction_and_drivers(writer, con) -> None:
    start = date(2022, 1, 1)
    for m in range(24):
        hostile = m >= 12
        for k in range(4):
            g = [-5.0, -10.0, -2.0, -5.0][k] if hostile else [1.9, 3.4, 4.0, 1.9][(k + m) % 4]
            text = "Russian forces attacked <b>convoys</b>." if hostile and m == 12 and k == 0 else None
            writer.add(date(start.year, start.month, 3 + k), "RUSMIL", "USAMIL", goldstein=g,
                       quad=4 if hostile else 1, text=text, event_id=f"m{m}k{k}")
        start = next_period(start, "month")
    series = dyad_series(con, "USA", "RUS", settings=Settings())
    shifts = dyad_shifts(con, "USA", "RUS", settings=Settings(), series=series)
    assert len(shifts) == 1
    (s,) = shifts
    assert s.period == "2023-01" and s.direction == "conflict" and s.size < -4
    assert s.drivers and all(d.date.year == 2023 and d.date.month == 1 for d in s.drivers)
    assert s.drivers[0].goldstein == -10.0 and s.drivers[0].event_id == "m12k1"
    assert [d.pull for d in s.drivers] == sorted(d.pull for d in s.drivers)


def test_triangle_configuration_shift_lists_flipped_edges() -> None:
    jan, feb = date(2025, 1, 1), date(2025, 2, 1)
    spec = {(jan, 0, 1): 5.0, (jan, 0, 2): 5.0, (jan, 1, 2): 5.0, (feb, 0, 1): -6.0, (feb, 0, 2): -6.0,
            (feb, 1, 2): 5.0}
    docs = [EdgeDocumentRow(start, i, j, f"d{start}{i}{j}{k}", f"outlet{k}", g, 1.0, 1)
            for (start, i, j), g in spec.items() for k in range(3)]
    tri = build_triangle(("USA", "CHN", "RUS"), aggregate_documents(docs, outlet_correlation=0.5), settings=Settings())
    (shift,) = detect_triangle_shifts(tri)
    assert (shift.from_configuration, shift.to_configuration) == ("menage_a_trois", "stable_marriage")
    assert shift.period == "2025-02"
    assert sorted(shift.flipped_edges) == ["CHN-USA + -> -", "RUS-USA + -> -"]
