"""Triangle: the 27 sign combinations, JSON shape, hysteresis, order invariance."""

from __future__ import annotations

import itertools
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from multipolar.relations.triangle import (
    EdgeDocRow,
    EdgeValueRow,
    build_triangle,
    classify_signs,
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


def _rows(spec: dict[tuple[date, int, int], list[float]]) -> tuple[list[EdgeValueRow], list[EdgeDocRow]]:
    values, docs = [], []
    for (start, i, j), gs in spec.items():
        for g in sorted(set(gs)):
            values.append(EdgeValueRow(start, i, j, g, 1.0, gs.count(g)))
        docs.append(EdgeDocRow(start, i, j, len(gs), len(gs)))
    return values, docs


def test_triangle_json_shape() -> None:
    jan = date(2025, 1, 1)
    values, docs = _rows({(jan, 1, 2): [4.0, 2.8], (jan, 0, 1): [-5.0], (jan, 0, 2): [-6.0, -2.0]})
    tri = build_triangle(ACTORS, values, docs, settings=Settings())
    out = json.loads(json.dumps(tri.to_json()))
    assert out["actors"] == ["USA", "CHN", "RUS"]
    (period,) = out["periods"]
    assert period["period"] == "2025-01"
    assert set(period["edges"]) == set(KEYS)
    assert period["edges"]["CHN-RUS"] == {**period["edges"]["CHN-RUS"], "score": 3.4, "sign": "+", "events": 2}
    assert period["edges"]["CHN-USA"]["sign"] == "-"
    assert period["configuration"] == "stable_marriage"
    assert period["balanced"] is True
    assert period["roles"] == {"CHN": "partner", "RUS": "partner", "USA": "pariah"}
    assert 0.0 <= period["confidence"] <= 1.0


def test_triangle_hysteresis_one_stray_report_does_not_flip(writer, con) -> None:
    for day in (3, 10, 17):  # January: CHN-RUS cooperation in three documents
        writer.add(date(2025, 1, day), "CHNGOV", "RUSGOV", goldstein=4.0, quad=1, cameo="036")
    writer.add(date(2025, 2, 5), "RUSGOV", "CHNGOV", goldstein=-10.0, quad=4, cameo="190")  # one stray report
    for day in (4, 11, 18):  # March: a real turn, three documents
        writer.add(date(2025, 3, day), "CHNGOV", "RUSGOV", goldstein=-5.0, quad=4, cameo="172")
    tri = triangle_series(con, ACTORS, settings=Settings())
    chn_rus = [p.edge("CHN", "RUS") for p in tri.periods]
    assert [p.period for p in tri.periods] == ["2025-01", "2025-02", "2025-03"]
    assert [e.sign for e in chn_rus] == [1, 1, -1]
    assert chn_rus[1].held is True and chn_rus[1].score == -10.0


def test_triangle_hysteresis_margin_keeps_sign_near_the_band() -> None:
    s = Settings(dead_band=0.5, hysteresis=0.5)
    jan, feb = date(2025, 1, 1), date(2025, 2, 1)
    values, docs = _rows({(jan, 1, 2): [2.0, 2.0, 2.0], (feb, 1, 2): [0.2, 0.2, 0.2]})
    tri = build_triangle(ACTORS, values, docs, settings=s)
    assert [p.edge("CHN", "RUS").sign for p in tri.periods] == [1, 1]  # 0.2 < τ but > τ − h: stays +
    values, docs = _rows({(jan, 1, 2): [0.2, 0.2, 0.2]})
    assert build_triangle(ACTORS, values, docs, settings=s).periods[0].edge("CHN", "RUS").sign == 0


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
        values, docs = _rows(rows)
        tri = build_triangle(actors, values, docs, settings=Settings(bootstrap_samples=50))
        return [p.to_json() for p in tri.periods]

    assert run(ACTORS) == run(tuple(order))
