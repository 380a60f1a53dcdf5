"""Dyad series: counting rules, sums, directed vs undirected, normalisation."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from multipolar.relations.dyads import dyad_series
from multipolar.settings import Settings

QUADS = {1: 1.9, 2: 6.4, 3: -2.0, 4: -10.0}

event_st = st.tuples(
    st.integers(0, 89),  # day offset in Q1 2025
    st.booleans(),  # direction USA→CHN (True) or CHN→USA
    st.sampled_from([1, 2, 3, 4]),
    st.integers(0, 5),  # document number
    st.integers(1, 4),  # mentions
)


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(event_st, min_size=1, max_size=25), st.sampled_from(["day", "week", "month", "quarter"]))
def test_dyad_sums_equal_event_counts_and_undirected_is_sum_of_directed(new_store, events: list, freq: str) -> None:
    con, w = new_store()
    for off, forward, quad, doc, mentions in events:
        day = date.fromordinal(date(2025, 1, 1).toordinal() + off)
        src, tgt = ("USAGOV", "CHNGOV") if forward else ("CHNGOV", "USAGOV")
        w.add(day, src, tgt, goldstein=QUADS[quad], quad=quad, doc=f"d{doc}", mentions=mentions)
    series = dyad_series(con, "USA", "CHN", settings=Settings(), freq=freq)
    total = sum(p.events for p in series.undirected)
    assert total == len(events)
    assert sum(p.events for p in series.forward) == sum(1 for e in events if e[1])
    for u, f, b in zip(series.undirected, series.forward, series.backward, strict=True):
        assert sum(u.quad_counts) == u.events
        assert u.events == f.events + b.events
        assert u.quad_counts == tuple(x + y for x, y in zip(f.quad_counts, b.quad_counts, strict=True))
        assert u.goldstein_sum == pytest.approx(f.goldstein_sum + b.goldstein_sum)
        assert u.cooperation - u.conflict == pytest.approx(u.goldstein_sum)
        assert u.documents <= f.documents + b.documents


def test_dyad_counting_rules_canonical_near_duplicates_spun_negated(writer, con) -> None:
    day = date(2025, 1, 21)
    writer.add(day, "RUSGOV", "CHNGOV", goldstein=1.9, quad=1, doc="a", event_id="keep")
    writer.add(day, "RUSGOV", "CHNGOV", goldstein=1.9, quad=1, doc="b", event_id="dup", canonical_id="keep")
    writer.add(day, "RUSGOV", "CHNGOV", goldstein=1.9, quad=1, doc="c", event_id="canon", canonical_id="canon")
    writer.document("near", near_duplicate_of="a")
    writer.add(day, "RUSGOV", "CHNGOV", goldstein=1.9, quad=1, doc="near")
    writer.document("spun", spun=True)
    writer.add(day, "CHNGOV", "RUSGOV", goldstein=-2.0, quad=3, doc="spun")
    writer.add(day, "CHNGOV", "RUSGOV", goldstein=4.0, quad=1, doc="a", negated=True)
    series = dyad_series(con, "RUS", "CHN", settings=Settings())
    assert series.undirected[0].events == 3  # keep, canon, spun (spun kept by default)
    series = dyad_series(con, "RUS", "CHN", settings=Settings(exclude_spun=True))
    assert series.undirected[0].events == 2
    assert series.forward[0].documents == 2


def test_dyad_counts_acts_between_states_at_or_above_min_probability(writer, con) -> None:
    day = date(2025, 3, 3)
    writer.add(day, "RUSGOV", "CHNGOV", goldstein=1.9, quad=1, confidence=0.9)
    writer.add(day, "CHNMIL", "RUS", goldstein=-5.0, quad=4, confidence=0.02)
    writer.add(day, "RUSREB", "CHNGOV", goldstein=-2.0, quad=3, confidence=0.02)  # outside the model's domain
    counted = dyad_series(con, "RUS", "CHN", settings=Settings(event_min_probability=0.1)).undirected[0]
    assert counted.events == 2
    every = dyad_series(con, "RUS", "CHN", settings=Settings(event_min_probability=0.0)).undirected[0]
    assert every.events == 3
    no_model = dyad_series(con, "RUS", "CHN", settings=Settings(event_model=False)).undirected[0]
    assert no_model.events == 3


def test_dyad_weight_by_mentions_and_full_actor_codes(writer, con) -> None:
    day = date(2025, 2, 1)
    writer.add(day, "USAGOV", "RUSGOV", goldstein=-4.0, quad=3, mentions=3)
    writer.add(day, "USAMIL", "RUSMIL", goldstein=2.0, quad=1, mentions=1)
    plain = dyad_series(con, "USA", "RUS", settings=Settings()).undirected[0]
    weighted = dyad_series(con, "USA", "RUS", settings=Settings(weight_by_mentions=True)).undirected[0]
    assert plain.goldstein_mean == pytest.approx(-1.0)
    assert weighted.goldstein_mean == pytest.approx((-12.0 + 2.0) / 4)
    assert weighted.events == 2 and weighted.weight == 4
    gov = dyad_series(con, "USAGOV", "RUS", settings=Settings()).undirected[0]
    assert gov.events == 1


def test_dyad_normalisations_are_named_and_computed(writer, con) -> None:
    day = date(2025, 3, 3)
    writer.add(day, "USA", "CHN", goldstein=1.0, quad=1)
    writer.add(day, "USA", "IRN", goldstein=-2.0, quad=3)
    writer.add(day, "FRA", "DEU", goldstein=3.0, quad=1)
    writer.add(day, "GBR", "DEU", goldstein=3.0, quad=1)
    vol = dyad_series(con, "USA", "CHN", settings=Settings(), normalisation="volume").undirected[0]
    sal = dyad_series(con, "USA", "CHN", settings=Settings(), normalisation="salience").undirected[0]
    shares = dyad_series(con, "USA", "CHN", settings=Settings(), normalisation="shares").undirected[0]
    assert (vol.normalisation, vol.denominator, vol.normalised_volume) == ("volume", 4.0, 0.25)
    assert (sal.normalisation, sal.denominator, sal.normalised_volume) == ("salience", 2.0, 0.5)
    assert shares.normalisation == "shares" and shares.share_verbal_cooperation == 1.0


def test_dyad_series_is_gap_free(writer, con) -> None:
    writer.add(date(2025, 1, 5), "USA", "CHN", goldstein=1.0, quad=1)
    writer.add(date(2025, 4, 5), "CHN", "USA", goldstein=-2.0, quad=3)
    series = dyad_series(con, "USA", "CHN", settings=Settings())
    assert [p.period for p in series.undirected] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert series.undirected[1].events == 0 and series.undirected[1].goldstein_mean is None


def test_dyad_leaves_out_events_with_implausible_dates(writer, con) -> None:
    writer.add(date(2025, 3, 3), "RUSGOV", "CHNGOV", goldstein=1.9, quad=1)
    writer.add(date(2025, 3, 4), "RUSGOV", "CHNGOV", goldstein=-10.0, quad=4, date_flag="after_published")
    writer.add(date(1850, 3, 4), "CHNGOV", "RUSGOV", goldstein=-10.0, quad=4, date_flag="before_earliest_year")
    series = dyad_series(con, "RUS", "CHN", settings=Settings())
    assert [(p.start, p.events) for p in series.undirected if p.events] == [(date(2025, 3, 1), 1)]
