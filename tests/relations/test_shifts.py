"""Shift detection: one clear break is found, with its date, direction and driving events."""

from __future__ import annotations

from datetime import date

import numpy as np

from multipolar.relations.dyads import dyad_series
from multipolar.relations.periods import next_period
from multipolar.relations.shifts import change_points, detect_edge_shifts, detect_triangle_shifts, dyad_shifts
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


def _triangle(spec: dict[tuple[date, int, int], tuple[float, int]]):
    """A USA–CHN–RUS triangle from {(month, i, j): (goldstein of each document, documents)}, one outlet each."""
    docs = [EdgeDocumentRow(start, i, j, f"d{start}{i}{j}{k}", f"outlet{k}", g, 1.0, 1)
            for (start, i, j), (g, n) in spec.items() for k in range(n)]
    return build_triangle(("USA", "CHN", "RUS"), aggregate_documents(docs, outlet_correlation=0.5), settings=Settings())


def test_edge_shift_compares_with_the_last_signed_period_and_fills_nothing_in() -> None:
    jan, feb, apr = date(2025, 1, 1), date(2025, 2, 1), date(2025, 4, 1)
    # USA–RUS (indexes 0, 2): + in January, one thin document in February (insufficient), nothing in March,
    # − in April; USA–CHN (0, 1) + throughout; CHN–RUS (1, 2) never signed, so no month is determinate.
    tri = _triangle({(jan, 0, 2): (5.0, 3), (feb, 0, 2): (-6.0, 1), (apr, 0, 2): (-6.0, 3),
                     (jan, 0, 1): (5.0, 3), (apr, 0, 1): (5.0, 3), (jan, 1, 2): (2.0, 1)})
    assert [p.edge("USA", "RUS").sign for p in tri.periods] == [1, None, None, -1]
    assert detect_triangle_shifts(tri) == []
    (shift,) = detect_edge_shifts(tri)
    assert (shift.kind, shift.subject, shift.period, shift.previous) == ("edge", "RUS-USA", "2025-04", "2025-01")
    assert shift.flipped_edges == ("RUS-USA + -> -",) and shift.direction == "conflict"
    assert shift.before is not None and shift.after is not None and shift.size == shift.after - shift.before < 0


def test_edge_shift_to_and_from_zero() -> None:
    jan, feb, mar = date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)
    # CHN–USA: − then 0 (many documents at the baseline) then + again
    tri = _triangle({(jan, 0, 1): (-6.0, 4), (feb, 0, 1): (0.0, 150), (mar, 0, 1): (6.0, 4)})
    assert [p.edge("USA", "CHN").sign for p in tri.periods] == [-1, 0, 1]
    shifts = detect_edge_shifts(tri)
    assert [(s.period, s.flipped_edges[0], s.direction) for s in shifts] == [
        ("2025-02", "CHN-USA - -> 0", "cooperation"), ("2025-03", "CHN-USA 0 -> +", "cooperation")]


def test_edge_shifts_carry_the_events_that_moved_the_edge(writer, con) -> None:
    from multipolar.relations.shifts import edge_shifts
    from multipolar.relations.triangle import triangle_series

    for k in range(3):
        writer.add(date(2025, 1, 5 + k), "USAGOV", "RUSGOV", goldstein=5.0, quad=1, doc=f"jan{k}", outlet=f"o{k}")
        writer.add(date(2025, 3, 5 + k), "USAGOV", "RUSGOV", goldstein=-8.0 + k, quad=4, cameo="163",
                   doc=f"mar{k}", outlet=f"o{k}", text=f"Sanctions number {k}.")
    writer.add(date(2025, 3, 9), "USAGOV", "RUSGOV", goldstein=3.0, quad=1, doc="mar-coop", outlet="o9")
    tri = triangle_series(con, ("USA", "CHN", "RUS"), settings=Settings())
    (shift,) = edge_shifts(con, tri, settings=Settings())
    assert (shift.period, shift.previous, shift.flipped_edges) == ("2025-03", "2025-01", ("RUS-USA + -> -",))
    assert [d.text for d in shift.drivers][:3] == ["Sanctions number 0.", "Sanctions number 1.", "Sanctions number 2."]
    assert [d.pull for d in shift.drivers] == sorted(d.pull for d in shift.drivers)  # furthest toward − first


def test_report_and_api_show_edge_shifts_of_months_without_a_configuration(writer, con, tmp_path) -> None:
    from multipolar.api import Project
    from multipolar.report import build_report

    for k in range(3):  # January: all three edges signed (stable marriage, US the pariah)
        writer.add(date(2025, 1, 5 + k), "CHNGOV", "RUSGOV", goldstein=5.0, quad=1, doc=f"a{k}", outlet=f"o{k}")
        writer.add(date(2025, 1, 5 + k), "USAGOV", "CHNGOV", goldstein=-6.0, quad=4, doc=f"b{k}", outlet=f"o{k}")
        writer.add(date(2025, 1, 5 + k), "USAGOV", "RUSGOV", goldstein=-6.0, quad=4, doc=f"c{k}", outlet=f"o{k}")
        # March: only US–Russia signed, now +
        writer.add(date(2025, 3, 5 + k), "USAGOV", "RUSGOV", goldstein=6.0, quad=1, cameo="057", doc=f"d{k}",
                   outlet=f"o{k}", text=f"Leaders <b>signed</b> accord {k}.")
    html = build_report(con, Settings())
    assert "2025-03 · RUS-USA · edge - → + (since 2025-01;" in html
    assert "Leaders &lt;b&gt;signed&lt;/b&gt; accord 0." in html
    assert 'id="later-edges"' in html and "2025-03 RUS-USA - → +" in html
    con.close()
    with Project(tmp_path / "test.duckdb", Settings(), read_only=True) as project:
        shifts = project.shifts("USA", "CHN", "RUS")
    assert [(s.kind, s.period, s.subject, s.previous) for s in shifts] == [("edge", "2025-03", "RUS-USA", "2025-01")]
    assert sorted(d.text for d in shifts[0].drivers) == [f"Leaders <b>signed</b> accord {k}." for k in range(3)]
