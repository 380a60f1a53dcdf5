"""Triangle: the 27 sign combinations, JSON shape, the evidence rule for signs, order invariance."""

from __future__ import annotations

import itertools
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from multipolar.relations.triangle import (
    EdgeDocumentRow,
    aggregate_documents,
    build_triangle,
    classify_signs,
    edge_estimate,
    triangle_series,
)
from multipolar.settings import Settings

ACTORS = ("USA", "CHN", "RUS")
KEYS = ("CHN-RUS", "CHN-USA", "RUS-USA")


def _expected(signs: dict[str, int]) -> tuple[str, dict[str, str], int]:
    values = list(signs.values())
    product = values[0] * values[1] * values[2]
    if 0 in values:
        return "indeterminate", {}, 0
    plus = [k for k, v in signs.items() if v > 0]
    if len(plus) == 3:
        return "menage_a_trois", {a: "friend" for a in ACTORS}, product
    if not plus:
        return "unit_veto", {a: "foe" for a in ACTORS}, product
    if len(plus) == 1:
        x, y = plus[0].split("-")
        third = next(a for a in ACTORS if a not in (x, y))
        return "stable_marriage", {x: "partner", y: "partner", third: "pariah"}, product
    minus = next(k for k, v in signs.items() if v < 0)
    x, y = minus.split("-")
    pivot = next(a for a in ACTORS if a not in (x, y))
    return "romantic_triangle", {pivot: "pivot", x: "wing", y: "wing"}, product


COMBOS = list(itertools.product((-1, 0, 1), repeat=3))


@pytest.mark.parametrize("combo", COMBOS, ids=["".join("+-0"[(-s) % 3] for s in c) for c in COMBOS])
def test_classify_signs_all_27_combinations(combo: tuple[int, int, int]) -> None:
    signs = dict(zip(KEYS, combo, strict=True))
    state = classify_signs(ACTORS, signs)
    configuration, roles, product = _expected(signs)
    assert state.configuration == configuration
    assert dict(state.roles) == roles
    assert state.balance == product


def test_classify_signs_table_spot_checks() -> None:
    state = classify_signs(ACTORS, {"CHN-RUS": 1, "CHN-USA": -1, "RUS-USA": -1})
    assert state.configuration == "stable_marriage" and state.roles["USA"] == "pariah" and state.balance == 1
    state = classify_signs(ACTORS, {"CHN-RUS": -1, "CHN-USA": 1, "RUS-USA": 1})
    assert state.configuration == "romantic_triangle" and state.roles["USA"] == "pivot" and state.balance == -1


def _rows(spec: dict[tuple[date, int, int], list[float]]) -> list:
    """One document per value, each from its own outlet, summed per edge and period."""
    docs = [EdgeDocumentRow(start, i, j, f"d{start}{i}{j}{k}", f"outlet{k}", g, 1.0, 1)
            for (start, i, j), gs in spec.items() for k, g in enumerate(gs)]
    return aggregate_documents(docs, outlet_correlation=Settings().outlet_correlation)


def test_triangle_edges_sql_equals_the_sums_over_documents(writer, con) -> None:
    from multipolar.store.aggregates import EventFilter, triangle_documents, triangle_edges

    for day, outlet, g in ((3, "a.org", 7.0), (4, "a.org", 3.0), (5, "b.org", -2.0), (6, "c.org", 1.0)):
        writer.add(date(2025, 1, day), "CHNGOV", "RUSGOV", goldstein=g, quad=1, outlet=outlet)
    writer.add(date(2025, 1, 6), "USAGOV", "RUSGOV", goldstein=-5.0, quad=4, doc="doc-e4")  # a second act in doc 4
    flt = EventFilter()
    docs = triangle_documents(con, ACTORS, freq="month", flt=flt)
    sql = triangle_edges(con, ACTORS, freq="month", flt=flt, outlet_correlation=0.5)
    expected = aggregate_documents(docs, outlet_correlation=0.5)
    assert [(r.i, r.j, r.documents, r.outlets, r.events, r.mentions) for r in sql] == \
        [(r.i, r.j, r.documents, r.outlets, r.events, r.mentions) for r in expected]
    assert [round(r.effective_documents, 9) for r in sql] == [round(r.effective_documents, 9) for r in expected]
    assert [round(r.weighted_sum, 9) for r in sql] == [round(r.weighted_sum, 9) for r in expected]


def test_triangle_json_shape() -> None:
    jan = date(2025, 1, 1)
    docs = _rows({(jan, 1, 2): [7.0, 7.0, 4.0], (jan, 0, 1): [-8.0, -6.0, -5.0], (jan, 0, 2): [-6.0, -7.0, -4.0]})
    tri = build_triangle(ACTORS, docs, settings=Settings())
    out = json.loads(json.dumps(tri.to_json()))
    assert out["actors"] == ["USA", "CHN", "RUS"]
    (period,) = out["periods"]
    assert period["period"] == "2025-01"
    assert set(period["edges"]) == set(KEYS)
    assert period["edges"]["CHN-RUS"] == {**period["edges"]["CHN-RUS"], "score": 6.0, "sign": "+", "events": 3,
                                          "documents": 3, "outlets": 3, "estimate": 3.6}
    assert period["edges"]["CHN-USA"]["sign"] == "-"
    assert period["configuration"] == "stable_marriage"
    assert period["balanced"] is True
    assert period["roles"] == {"CHN": "partner", "RUS": "partner", "USA": "pariah"}
    assert 0.0 <= period["confidence"] <= 1.0


def test_edge_estimate_worked_example_of_the_docstring() -> None:
    post = edge_estimate([(7.0, "a"), (7.0, "b")], baseline=0.0, settings=Settings())
    assert (round(post.estimate, 6), round(post.sd, 6), post.sign) == (3.5, 1.5, 1)
    assert round(post.p_plus, 3) == 0.977


def test_edge_estimate_one_document_is_insufficient_evidence() -> None:
    post = edge_estimate([(-8.0, "a")], baseline=0.0, settings=Settings())
    assert post.sign is None and post.estimate < 0


def test_edge_estimate_uncertainty_shrinks_with_documents_and_outlets() -> None:
    s = Settings()
    one_outlet = edge_estimate([(2.0, "a")] * 6, baseline=0.0, settings=s)
    six_outlets = edge_estimate([(2.0, o) for o in "abcdef"], baseline=0.0, settings=s)
    single = edge_estimate([(2.0, "a")], baseline=0.0, settings=s)
    assert six_outlets.sd < one_outlet.sd < single.sd
    assert six_outlets.effective_documents == 6.0 and one_outlet.effective_documents == pytest.approx(6 / 3.5)


def test_edge_estimate_zero_sign_needs_much_evidence_near_the_baseline() -> None:
    s = Settings()
    assert edge_estimate([(0.0, o) for o in "abc"], baseline=0.0, settings=s).sign is None
    assert edge_estimate([(0.0, f"o{k}") for k in range(400)], baseline=0.0, settings=s).sign == 0


def test_triangle_sign_is_never_carried_from_an_earlier_period(writer, con) -> None:
    for day, outlet in ((3, "a.org"), (10, "b.org"), (17, "c.org")):  # January: three outlets, cooperation
        writer.add(date(2025, 1, day), "CHNGOV", "RUSGOV", goldstein=7.0, quad=2, cameo="057", outlet=outlet)
    writer.add(date(2025, 2, 5), "RUSGOV", "CHNGOV", goldstein=-8.0, quad=4, cameo="190")  # one report
    tri = triangle_series(con, ACTORS, settings=Settings())
    chn_rus = [p.edge("CHN", "RUS") for p in tri.periods]
    assert [e.sign for e in chn_rus] == [1, None]
    assert chn_rus[1].status == "insufficient evidence" and chn_rus[1].score == -8.0


def test_triangle_confidence_is_the_product_of_edge_probabilities() -> None:
    jan = date(2025, 1, 1)
    docs = _rows({(jan, 1, 2): [7.0, 6.0, 4.0], (jan, 0, 1): [-8.0, -6.0], (jan, 0, 2): [-6.0, -7.0]})
    (p,) = build_triangle(ACTORS, docs, settings=Settings()).periods
    e = {x.key: x for x in p.edges}
    p_sign = {k: {1: x.p_plus, -1: x.p_minus} for k, x in e.items()}
    marriages = [dict(zip(KEYS, combo, strict=True)) for combo in ((1, -1, -1), (-1, 1, -1), (-1, -1, 1))]
    expected = sum(p_sign["CHN-RUS"][m["CHN-RUS"]] * p_sign["CHN-USA"][m["CHN-USA"]] * p_sign["RUS-USA"][m["RUS-USA"]]
                   for m in marriages)
    assert p.configuration == "stable_marriage" and p.confidence == pytest.approx(expected)
    assert sum(p.probabilities.values()) == pytest.approx(1.0)


def test_triangle_unsigned_edge_makes_insufficient_evidence_without_confidence() -> None:
    jan = date(2025, 1, 1)
    docs = _rows({(jan, 1, 2): [7.0, 6.0, 4.0], (jan, 0, 1): [-8.0, -6.0], (jan, 0, 2): [-1.0]})
    (p,) = build_triangle(ACTORS, docs, settings=Settings()).periods
    assert (p.configuration, p.confidence, p.roles) == ("insufficient_evidence", None, {})


edge_events = st.lists(st.sampled_from([-10.0, -5.0, -2.0, 0.0, 1.0, 1.9, 3.4, 7.0]), min_size=0, max_size=6)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(edge_events, edge_events, edge_events), min_size=1, max_size=4), st.permutations(ACTORS))
def test_triangle_invariant_under_actor_order(months: list, order: list[str]) -> None:
    spec: dict[tuple[date, str], list[float]] = {}
    for m, edges in enumerate(months):
        for key, gs in zip(KEYS, edges, strict=True):
            if gs:
                spec[(date(2025, m + 1, 1), key)] = gs

    def run(actors: tuple[str, ...]) -> list[dict]:
        index = {a: i for i, a in enumerate(actors)}
        rows = {}
        for (start, key), gs in spec.items():
            x, y = key.split("-")
            i, j = sorted((index[x], index[y]))
            rows[(start, i, j)] = gs
        tri = build_triangle(actors, _rows(rows), settings=Settings())
        return [p.to_json() for p in tri.periods]

    assert run(ACTORS) == run(tuple(order))


def test_triangle_and_its_evidence_leave_out_events_with_implausible_dates(writer, con) -> None:
    from multipolar.store.aggregates import EventFilter, dyad_events, triangle_documents, triangle_events

    writer.add(date(2025, 1, 3), "CHNGOV", "RUSGOV", goldstein=7.0, quad=1, event_id="plausible")
    writer.add(date(2025, 1, 4), "CHNGOV", "RUSGOV", goldstein=-10.0, quad=4, event_id="future",
               date_flag="after_published")
    docs = triangle_documents(con, ACTORS, freq="month", flt=EventFilter())
    assert [(d.doc_key, d.events) for d in docs] == [("doc-plausible", 1)]
    assert [e.event_id for e in triangle_events(con, ACTORS, freq="month", flt=EventFilter())] == ["plausible"]
    assert [e.event_id for e in dyad_events(con, "CHN", "RUS", flt=EventFilter())] == ["plausible"]  # shift drivers


def test_edge_mirror_counts_a_symmetric_act_of_one_sentence_once(writer, con) -> None:
    from multipolar.store.aggregates import EventFilter, triangle_documents, triangle_edges, triangle_events

    # one sentence ("Russia and China agreed ...") coded in both directions, and a sanction in another sentence
    writer.add(date(2025, 1, 3), "CHNGOV", "RUSGOV", goldstein=4.0, quad=1, cameo="030", doc="d1", sentence=2,
               event_id="cr")
    writer.add(date(2025, 1, 3), "RUSGOV", "CHNGOV", goldstein=4.0, quad=1, cameo="030", doc="d1", sentence=2,
               event_id="rc")
    writer.add(date(2025, 1, 3), "RUSGOV", "CHNGOV", goldstein=-8.0, quad=4, cameo="163", doc="d1", sentence=5,
               event_id="sanction")
    # the same code in both directions from two different sentences is two acts
    writer.add(date(2025, 1, 9), "CHNGOV", "RUSGOV", goldstein=1.0, quad=1, cameo="040", doc="d2", sentence=1)
    writer.add(date(2025, 1, 9), "RUSGOV", "CHNGOV", goldstein=1.0, quad=1, cameo="040", doc="d2", sentence=3)

    once = triangle_documents(con, ACTORS, freq="month", flt=EventFilter())
    assert [(d.doc_key, d.weight, d.weighted_goldstein) for d in once] == [("d1", 2.0, -4.0), ("d2", 2.0, 2.0)]
    both = triangle_documents(con, ACTORS, freq="month", flt=EventFilter(mirror_once=False))
    assert [(d.doc_key, d.weight, d.weighted_goldstein) for d in both] == [("d1", 3.0, 0.0), ("d2", 2.0, 2.0)]
    # the edge sums and the listed evidence follow the same rule
    [edge] = triangle_edges(con, ACTORS, freq="month", flt=EventFilter(), outlet_correlation=0.5)
    assert (edge.mentions, edge.events) == (4, 4)
    ids = {e.event_id for e in triangle_events(con, ACTORS, freq="month", flt=EventFilter())}
    assert "sanction" in ids and len(ids & {"cr", "rc"}) == 1
