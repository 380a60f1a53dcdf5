"""PLOVER JSON lines for our events (PLOVER manual, openeventdata/PLOVER@5e0c24f, ch. "Data Fields").

`to_plover_json(event)` gives one PLOVER record: the required fields `id`, `date`, `actor`, `event`,
plus `recipient`, `mode` and `context` (lists, as in the manual), `quad_code` and `event_scale` (the
PLOVER score of the type+mode, methods.md §2.2), and traceability fields the manual leaves open:
`text` (the sentence), `doc_id`, `cameo`, `goldstein`, `negated`, `modality`, `confidence`.
`actor` and `recipient` are lists of entities: {"code": "RUSGOV", "country": "RUS", "name": "Vladimir
Putin"}. Our events are directed (the CAMEO convention: "Putin and Xi held a call" is one event each way);
PLOVER makes a reciprocal act one record whose `actor` lists the parties and whose `recipient` is empty
(manual, "Compound and Reciprocal Actors"). `plover_records(events)` folds such pairs: the events of one
sentence, span and code whose directed pairs are every ordered pair of two or more parties.
`plover_view(events)` gives the same convention as flat event records (one per party, no target, CAMEO
01/02 left out), the form `multipolar code --scheme plover` prints.

The CAMEO→PLOVER type and mode come from the event itself when the coder set them; else by the manual's
rule (reduce 3- and 4-digit codes to the 2-digit cue category; 08 splits into CONCEDE 080–083 and
RETREAT 084–087; roots 01 and 02 are dropped by PLOVER, so `event` is null for them), with the mode of
the ontology file's 2021 draft map (`multipolar/events/data/ontology.csv`) where the map agrees on the type.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from multipolar.events.ontology import manual_plover_type
from multipolar.records import Event

PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4,
    "COERCE": 4, "ASSAULT": 4,
}
# PLOVER scores (manual; methods.md §2.2): bare type, then the modes that differ
PLOVER_SCORE = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10.0, "RETREAT": 6.5,
    "REQUEST": 0.0, "ACCUSE": -2.0, "REJECT": -2.0, "THREATEN": -3.5, "PROTEST": -5.0, "SANCTION": -6.0,
    "MOBILIZE": -5.5, "COERCE": -7.0, "ASSAULT": -9.0,
}
# ACCUSE is printed +3 in the manual, "probably a sign typo" (methods.md §2.2): its modes score −2…−3.5
MODE_SCORE = {("CONSULT", "visit"): 4.0, ("CONSULT", "multilateral"): 4.0, ("CONSULT", "phone"): 1.5,
              ("CONSULT", "third-party"): 1.0, ("PROTEST", "riot"): -7.0}


@functools.cache
def _ontology() -> dict[str, tuple[str | None, str | None]]:
    try:
        text = resources.files("multipolar.events").joinpath("data/ontology.csv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    out: dict[str, tuple[str | None, str | None]] = {}
    for row in csv.DictReader(text.splitlines()):
        code = (row.get("cameo") or "").strip()
        if code:
            out[code] = ((row.get("plover") or "").strip() or None, (row.get("plover_mode") or "").strip() or None)
    return out


def plover_for(cameo: str, *, rule: str = "manual") -> tuple[str | None, str | None]:
    """(PLOVER event type, mode) for a CAMEO code; (None, None) for roots 01/02 and unknown roots.

    `rule` as the `plover_types` setting: "manual" types every code by its root (the map's mode kept where
    the map agrees), "map2021" as the 2021 map lists it.
    """
    known = _ontology().get(cameo)
    manual = manual_plover_type(cameo)
    if known is None:
        return manual, None
    if rule == "manual" and known[0] != manual:
        return manual, None
    return known


def _entity(code: str | None, short: str | None, name: str | None) -> dict[str, Any]:
    return {"code": code, "country": short, "name": name}


def reciprocal_groups(events: Iterable[Event]) -> Iterator[list[Event]]:
    """The events in input order, a reciprocal act as one group holding one of its events per party.

    A reciprocal act is the events of one document, sentence, span and code whose (source, target) pairs
    are every ordered pair of the same two or more parties; any other event is a group of one.
    """
    events = list(events)
    by_key: dict[tuple[Any, ...], list[Event]] = {}
    for ev in events:
        by_key.setdefault((ev.doc_id, ev.sentence, tuple(ev.span), ev.cameo, ev.negated, ev.modality), []).append(ev)
    folded: dict[int, list[Event]] = {}
    for group in by_key.values():
        if len(group) < 2 or any(ev.target_actor is None for ev in group):
            continue
        first: dict[str, Event] = {}  # each party's first event
        for ev in group:
            first.setdefault(ev.source_actor, ev)
        pairs = {(ev.source_actor, ev.target_actor) for ev in group}
        every = {(a, b) for a in first for b in first if a != b}
        if len(first) > 1 and pairs == every and len(group) == len(every):
            for ev in group:
                folded[id(ev)] = []
            folded[id(group[0])] = list(first.values())
    for ev in events:
        group = folded.get(id(ev))
        if group is None:
            yield [ev]
        elif group:
            yield group


def plover_records(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """PLOVER JSON records for events, a reciprocal act folded into one record with every party as actor."""
    for group in reciprocal_groups(events):
        yield to_plover_json(group[0], partners=group[1:])


def plover_view(events: Iterable[Event]) -> Iterator[Event]:
    """Events under PLOVER's conventions, as flat event records: types without a PLOVER type (CAMEO 01/02)
    left out; each party of a reciprocal act once, as source, with no target."""
    for group in reciprocal_groups(events):
        if not (group[0].plover or plover_for(group[0].cameo)[0]):
            continue
        if len(group) == 1:
            yield group[0]
            continue
        for ev in group:
            yield dataclasses.replace(ev, target=None, target_actor=None, target_name=None)


def to_plover_json(event: Event, *, partners: Iterable[Event] = ()) -> dict[str, Any]:
    """One PLOVER JSON record (a dict ready for json.dumps) for an event; with `partners` (the other
    directions of a reciprocal act) every party is an actor and the recipient is empty."""
    plover, mode = (event.plover, event.plover_mode) if event.plover else plover_for(event.cameo)
    score = None
    if plover:
        score = MODE_SCORE.get((plover, mode or ""), PLOVER_SCORE.get(plover))
    others = list(partners)
    actors = [_entity(event.source_actor, event.source, event.source_name)]
    actors += [_entity(ev.source_actor, ev.source, ev.source_name) for ev in others]
    recipient = [] if others or not event.target_actor else [_entity(event.target_actor, event.target, event.target_name)]
    return {
        "id": event.event_id,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "actor": actors,
        "recipient": recipient,
        "event": plover,
        "mode": [mode] if mode else [],
        "context": [],
        "quad_code": PLOVER_QUAD.get(plover) if plover else None,
        "event_scale": score,
        "negated": event.negated,
        "modality": event.modality,
        "confidence": event.confidence,
        "text": event.text,
        "trigger": event.trigger,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
    }
