"""Event de-duplication: several reports of one event become one canonical event."""

from __future__ import annotations

from datetime import date

from multipolar.events.dedup import canonical_ids_by_event, deduplicate_events
from multipolar.records import Event


def event(
    event_id: str,
    doc_id: str,
    day: date | None,
    *,
    precision: str = "day",
    source: str = "CHN",
    target: str = "RUS",
    cameo: str = "040",
    story: str | None = None,
) -> Event:
    return Event(
        event_id=event_id,
        doc_id=doc_id,
        sentence=0,
        date=day,
        date_precision=precision,
        source=source,
        source_actor=source + "GOV",
        source_name=None,
        target=target,
        target_actor=target + "GOV",
        target_name=None,
        cameo=cameo,
        root=cameo[:2],
        quad=1,
        goldstein=1.0,
        plover="CONSULT",
        plover_mode=None,
        negated=False,
        modality="asserted",
        confidence=0.9,
        trigger="held a call",
        text="Xi and Putin held a video call.",
        span=(0, 10),
        story_id=story,
    )


def test_deduplicate_events_three_reports_of_one_call() -> None:
    events = [
        event("e3", "d3", date(2025, 1, 22), precision="doc", cameo="042"),
        event("e1", "d1", date(2025, 1, 21)),
        event("e2", "d2", date(2025, 1, 21), cameo="043"),
    ]
    outlets = {"d1": "Reuters", "d2": "Reuters", "d3": "TASS"}
    (canonical,) = deduplicate_events(events, outlets=outlets)
    assert canonical.canonical_id == "e1"
    assert (canonical.mentions, canonical.documents, canonical.sources) == (3, 3, 2)
    assert canonical.event_ids == ("e1", "e2", "e3")


def test_deduplicate_events_keeps_days_apart_and_directions_apart() -> None:
    events = [
        event("e1", "d1", date(2025, 1, 21)),
        event("e2", "d2", date(2025, 2, 24)),
        event("e3", "d3", date(2025, 1, 21), source="RUS", target="CHN"),
        event("e4", "d4", date(2025, 1, 21), cameo="190"),
    ]
    assert len(deduplicate_events(events, outlets={})) == 4


def test_deduplicate_events_day_dates_merge_only_on_the_same_day_even_in_one_story() -> None:
    events = [event(f"e{i}", f"d{i}", date(2025, 1, 1 + i), story="s1") for i in range(3)]
    groups = deduplicate_events(events, outlets={})
    assert [c.event_ids for c in groups] == [("e0",), ("e1",), ("e2",)]


def test_deduplicate_events_story_alone_does_not_merge_distant_dates() -> None:
    events = [
        event("e1", "d1", date(2025, 1, 21), precision="doc"),
        event("e2", "d2", date(2025, 1, 27), precision="doc"),
        event("e3", "d3", date(2022, 2, 1), precision="month"),
    ]
    stories = {"d1": "s1", "d2": "s1", "d3": "s1"}
    groups = deduplicate_events(events, outlets={}, stories=stories)
    assert sorted(c.event_ids for c in groups) == [("e1",), ("e2",), ("e3",)]


def test_deduplicate_events_background_mention_joins_the_dated_act_it_names() -> None:
    background = event("e0", "d0", date(2023, 3, 1), precision="month")
    act = event("e1", "d1", date(2023, 3, 21))
    (canonical,) = deduplicate_events([background, act], outlets={})
    assert (canonical.canonical_id, canonical.date, canonical.date_precision) == ("e1", date(2023, 3, 21), "day")


def test_deduplicate_events_background_mention_never_absorbs_an_act_of_another_month() -> None:
    background = event("e0", "d0", date(2022, 2, 1), precision="month", story="s1")
    act = event("e1", "d1", date(2025, 1, 21), story="s1")
    groups = deduplicate_events([background, act], outlets={})
    assert sorted(c.event_ids for c in groups) == [("e0",), ("e1",)]


def test_deduplicate_events_ambiguous_background_mention_stays_alone() -> None:
    events = [
        event("e1", "d1", date(2025, 1, 10)),
        event("e2", "d2", date(2025, 1, 22)),
        event("e3", "d3", date(2025, 1, 1), precision="month"),
    ]
    groups = deduplicate_events(events, outlets={})
    assert sorted(c.event_ids for c in groups) == [("e1",), ("e2",), ("e3",)]


def test_deduplicate_events_ambiguous_mention_goes_to_the_act_of_its_story() -> None:
    events = [
        event("e1", "d1", date(2025, 1, 10), story="s1"),
        event("e2", "d2", date(2025, 1, 22), story="s2"),
        event("e3", "d3", date(2025, 1, 1), precision="month", story="s2"),
    ]
    groups = deduplicate_events(events, outlets={})
    assert sorted(c.event_ids for c in groups) == [("e1",), ("e2", "e3")]


def test_deduplicate_events_document_date_joins_the_act_of_the_day_before() -> None:
    events = [event("e1", "d1", date(2025, 2, 12)), event("e2", "d2", date(2025, 2, 13), precision="doc")]
    (canonical,) = deduplicate_events(events, outlets={})
    assert canonical.event_ids == ("e1", "e2")


def test_deduplicate_events_never_mixes_months_across_a_month_end() -> None:
    events = [event("e1", "d1", date(2025, 1, 31)), event("e2", "d2", date(2025, 2, 1), precision="doc")]
    assert len(deduplicate_events(events, outlets={})) == 2


def test_deduplicate_events_leaves_undated_mentions_alone() -> None:
    events = [event("e1", "d1", None, precision="doc"), event("e2", "d2", None, precision="doc")]
    assert len(deduplicate_events(events, outlets={})) == 2


def test_deduplicate_events_unknown_outlets_count_per_document() -> None:
    events = [event("e1", "d1", date(2025, 1, 21)), event("e2", "d2", date(2025, 1, 21))]
    (canonical,) = deduplicate_events(events, outlets={"d1": None})
    assert canonical.sources == 2


def test_canonical_ids_by_event_maps_every_event() -> None:
    events = [event("e1", "d1", date(2025, 1, 21)), event("e2", "d1", date(2025, 1, 21))]
    canonical = deduplicate_events(events, outlets={"d1": "A"})
    assert canonical_ids_by_event(canonical) == {"e1": "e1", "e2": "e1"}
    assert (canonical[0].mentions, canonical[0].documents, canonical[0].sources) == (2, 1, 1)


def test_deduplicate_events_year_mention_does_not_join_a_dated_act() -> None:
    events = [event("e1", "d1", date(2025, 4, 11)), event("e2", "d2", date(2025, 1, 1), precision="year")]
    assert len(deduplicate_events(events, outlets={})) == 2


def test_deduplicate_events_two_undated_sentences_of_one_document_stay_apart() -> None:
    events = [event("e1", "d1", date(2025, 4, 20), precision="doc"),
              event("e2", "d1", date(2025, 4, 20), precision="doc")]
    assert len(deduplicate_events(events, outlets={})) == 2


def test_deduplicate_events_undated_sentence_joins_its_documents_dated_act() -> None:
    events = [event("e1", "d1", date(2025, 4, 20)), event("e2", "d1", date(2025, 4, 20), precision="doc")]
    (canonical,) = deduplicate_events(events, outlets={})
    assert canonical.event_ids == ("e1", "e2")


def test_deduplicate_events_never_merges_ingest_dated_mentions() -> None:
    events = [event("e1", "d1", date(2026, 3, 1), precision="doc_ingest"),
              event("e2", "d2", date(2026, 3, 1), precision="doc_ingest")]
    assert len(deduplicate_events(events, outlets={})) == 2
