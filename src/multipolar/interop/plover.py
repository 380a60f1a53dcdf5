"""PLOVER JSON lines for our events (PLOVER manual, openeventdata/PLOVER@5e0c24f, ch. "Data Fields").

`to_plover_json(event)` gives one PLOVER record: the required fields `id`, `date`, `actor`, `event`,
plus `recipient`, `mode` and `context` (lists, as in the manual), `quad_code` and `event_scale` (the
PLOVER score of the type+mode, methods.md §2.2), and traceability fields the manual leaves open:
`text` (the sentence), `doc_id`, `cameo`, `goldstein`, `negated`, `modality`, `confidence`.
`actor` and `recipient` are lists of entities (PLOVER allows compound actors); ours hold one each:
{"code": "RUSGOV", "country": "RUS", "name": "Vladimir Putin"}.

The CAMEO→PLOVER type and mode come from the event itself when the coder set them; else from the
ontology file's official 2021 map (`multipolar/events/data/ontology.csv`); else from the root (the
manual's rule: reduce 3- and 4-digit codes to the 2-digit cue category; 08 splits into CONCEDE
081–083 and RETREAT 084–087; roots 01 and 02 are dropped by PLOVER, so `event` is null for them).
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from typing import Any

from multipolar.records import Event

ROOT_TO_PLOVER = {
    "01": None, "02": None, "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
    "20": "ASSAULT",
}
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


def plover_for(cameo: str) -> tuple[str | None, str | None]:
    """(PLOVER event type, mode) for a CAMEO code; (None, None) for roots 01/02 and unknown roots."""
    known = _ontology().get(cameo)
    if known is not None:
        return known
    root = cameo[:2]
    if root == "08" and len(cameo) >= 3 and cameo[2] in "4567":
        return "RETREAT", None
    return ROOT_TO_PLOVER.get(root), None


def _entity(code: str | None, short: str | None, name: str | None) -> dict[str, Any]:
    return {"code": code, "country": short, "name": name}


def to_plover_json(event: Event) -> dict[str, Any]:
    """One PLOVER JSON record (a dict ready for json.dumps) for an event."""
    plover, mode = (event.plover, event.plover_mode) if event.plover else plover_for(event.cameo)
    score = None
    if plover:
        score = MODE_SCORE.get((plover, mode or ""), PLOVER_SCORE.get(plover))
    return {
        "id": event.event_id,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "actor": [_entity(event.source_actor, event.source, event.source_name)],
        "recipient": [_entity(event.target_actor, event.target, event.target_name)] if event.target_actor else [],
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
