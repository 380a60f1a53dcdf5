"""PLOVER's convention for reciprocal acts: one record whose actors are the parties, no recipient."""

from __future__ import annotations

import dataclasses
import json

from multipolar.interop.plover import plover_records, plover_view, reciprocal_groups
from multipolar.records import Event


def _event(source: str, target: str | None, *, cameo: str = "042", span: tuple[int, int] = (0, 40),
           sentence: int = 0) -> Event:
    root = cameo[:2]
    plover = {"04": "CONSULT", "01": None, "19": "ASSAULT"}[root]
    return Event(
        event_id=f"{source}-{target}-{cameo}-{span[0]}", doc_id="d1", sentence=sentence, date=None,
        date_precision=None, source=source[:3], source_actor=source, source_name=None,
        target=target[:3] if target else None, target_actor=target, target_name=None, cameo=cameo, root=root,
        quad=1, goldstein=1.0, plover=plover, plover_mode=None, negated=False, modality="asserted",
        confidence=0.8, trigger="held talks", text="Ministers of Chile and Peru held talks.", span=span)


def test_a_pair_each_way_is_one_reciprocal_group() -> None:
    a, b = _event("CHLGOV", "PERGOV"), _event("PERGOV", "CHLGOV")
    lone = _event("ARG", "BRA", span=(50, 80))
    groups = list(reciprocal_groups([a, lone, b]))
    assert groups == [[a, b], [lone]]


def test_one_direction_or_an_incomplete_set_is_not_folded() -> None:
    one_way = [_event("CHL", "PER"), _event("CHL", "BOL")]
    assert [len(g) for g in reciprocal_groups(one_way)] == [1, 1]
    # three parties but only two of their six ordered pairs: talks of two with a third, not a round table
    partial = [_event("CHL", "PER"), _event("PER", "CHL"), _event("CHL", "BOL"), _event("BOL", "CHL")]
    assert [len(g) for g in reciprocal_groups(partial)] == [1, 1, 1, 1]
    # the same pair in two different sentences is two acts
    apart = [_event("CHL", "PER"), _event("PER", "CHL", sentence=1)]
    assert [len(g) for g in reciprocal_groups(apart)] == [1, 1]


def test_three_parties_every_way_fold_into_one() -> None:
    codes = ["CHL", "PER", "BOL"]
    events = [_event(a, b) for a in codes for b in codes if a != b]
    (group,) = list(reciprocal_groups(events))
    assert [e.source_actor for e in group] == codes  # one event per party
    assert [e.source_actor for e in plover_view(events)] == codes
    (record,) = list(plover_records(events))
    assert [x["code"] for x in record["actor"]] == codes and record["recipient"] == []


def test_plover_record_of_a_reciprocal_act_lists_both_parties() -> None:
    records = [json.loads(json.dumps(r)) for r in plover_records([_event("CHLGOV", "PERGOV"), _event("PERGOV", "CHLGOV")])]
    assert len(records) == 1
    assert [x["country"] for x in records[0]["actor"]] == ["CHL", "PER"]
    assert records[0]["recipient"] == [] and records[0]["event"] == "CONSULT"
    single = list(plover_records([_event("CHLGOV", "PERGOV")]))[0]
    assert single["recipient"][0]["code"] == "PERGOV"


def test_plover_view_gives_each_party_without_target_and_drops_statements() -> None:
    a, b = _event("CHLGOV", "PERGOV"), _event("PERGOV", "CHLGOV")
    said = _event("CHLGOV", "PERGOV", cameo="010", span=(0, 10))
    attack = _event("ARG", "BRA", cameo="190", span=(50, 80))
    view = list(plover_view([a, b, said, attack]))
    assert [(e.source_actor, e.target_actor) for e in view] == [("CHLGOV", None), ("PERGOV", None), ("ARG", "BRA")]
    assert view[0] == dataclasses.replace(a, target=None, target_actor=None, target_name=None)
