"""The headline: the latest period with enough evidence, what changed since the one before, its drivers."""

from __future__ import annotations

from datetime import date

from multipolar.relations.summary import edge_changes, latest_with_evidence, rank_drivers
from multipolar.relations.triangle import EdgeDocumentRow, aggregate_documents, build_triangle
from multipolar.settings import Settings
from multipolar.store.aggregates import EdgeEventRow

ACTORS = ("USA", "CHN", "RUS")
JAN, FEB, MAR = date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)


def _docs(spec: dict[tuple[date, int, int], list[float]]) -> list:
    docs = [EdgeDocumentRow(start, i, j, f"d{start}{i}{j}{k}", f"outlet{k}", g, 1.0, 1)
            for (start, i, j), gs in spec.items() for k, g in enumerate(gs)]
    return aggregate_documents(docs, outlet_correlation=0.5)


def _tri():
    strong_minus, strong_plus = [-7.0, -6.0, -8.0], [7.0, 6.0, 8.0]
    spec = {(JAN, 0, 1): strong_minus, (JAN, 0, 2): strong_minus, (JAN, 1, 2): strong_plus,
            (FEB, 0, 1): strong_minus, (FEB, 0, 2): strong_plus, (FEB, 1, 2): strong_plus,
            (MAR, 0, 2): [-9.0]}  # March: one thin report on one edge
    return build_triangle(ACTORS, _docs(spec), settings=Settings())


def test_latest_with_evidence_skips_a_later_thin_period() -> None:
    latest, previous = latest_with_evidence(_tri())
    assert (latest.period, latest.configuration) == ("2025-02", "romantic_triangle")
    assert (previous.period, previous.configuration) == ("2025-01", "stable_marriage")


def test_edge_changes_name_the_edge_that_flipped() -> None:
    latest, previous = latest_with_evidence(_tri())
    assert [c.text() for c in edge_changes(latest, previous)] == ["RUS-USA - → +"]


def test_drivers_are_the_flipped_edges_events_that_pulled_toward_the_new_sign() -> None:
    tri = _tri()
    latest, previous = latest_with_evidence(tri)

    def row(i: int, j: int, g: float, eid: str) -> EdgeEventRow:
        return EdgeEventRow(FEB, i, j, eid, date(2025, 2, 12), "day", "USAGOV", "RUSGOV", "040", g, 1.0, eid,
                            None, "A sentence.", eid, None, None, None)

    events = [row(0, 2, 1.0, "small"), row(0, 2, 7.0, "call"), row(0, 1, -9.0, "other-edge")]
    drivers = rank_drivers(tri, latest, previous, events, edge_changes(latest, previous), limit=5)
    assert [d.event_id for d in drivers] == ["call", "small"]
