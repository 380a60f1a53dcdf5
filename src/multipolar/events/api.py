"""The core of `multipolar code`: code JSON records without a store.

Input records are {"id", "text", "date"?, "url"?, "outlet"?} (date as YYYY-MM-DD, the publication date, read
from "published" when there is no "date", as news feeds name it; url
and outlet say whether the text is an official statement of a government, rule issuer.site); output records are
{"id", "events": [event records]} in input order, one per input; a record that cannot be coded (no text,
a bad date, a line that is not JSON) gives {"id", "error", "events": []} and the others go on. `scheme="plover"` gives the events under
PLOVER's conventions (see `multipolar.interop.plover.plover_view`); the default, "cameo", gives them as
coded: directed, one event each way for a reciprocal act, statements and appeals included.
With `explain=True` each event also carries "explain" (the named rules that fired for it) and each
record a "dropped" list (the candidates a rule dropped, each with that rule's name).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from multipolar.actors.issuer import issuer_of
from multipolar.codes import is_interstate
from multipolar.errors import ParseError
from multipolar.events.model import applies
from multipolar.settings import Settings


def parse_record(record: Any, *, n: int) -> tuple[str, str, date | None, str | None]:
    """(id, text, published, issuer) of one input record (the date from "date", else "published"); raises
    ParseError naming the record and the fix
    (a reader hands a ParseError in place of a line it could not parse)."""
    if isinstance(record, ParseError):
        raise record
    if not isinstance(record, dict):
        raise ParseError(f"record {n}: expected a JSON object {{\"id\", \"text\", \"date\"?}}, got {type(record).__name__}")
    text = record.get("text")
    rid = record.get("id", str(n))
    if not isinstance(text, str):
        raise ParseError(f"record {n} (id {rid!r}): needs a \"text\" string")
    field = "date" if record.get("date") not in (None, "") else "published"  # news feeds and our corpora say "published"
    raw_date = record.get(field)
    published = None
    if raw_date not in (None, ""):
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            raise ParseError(f"record {n} (id {rid!r}): {field} {raw_date!r} is not YYYY-MM-DD") from None
    url, outlet = record.get("url"), record.get("outlet")
    for field, value in (("url", url), ("outlet", outlet)):
        if value is not None and not isinstance(value, str):
            raise ParseError(f"record {n} (id {rid!r}): \"{field}\" must be a string, got {type(value).__name__}")
    return str(rid), text, published, issuer_of(url=url, outlet=outlet, text=text)


SCHEMES = ("cameo", "plover")


def code_records(lines: Iterable[dict[str, Any]], settings: Settings | None = None, *,
                 coder: Any | None = None, scheme: str = "cameo", min_probability: float = 0.0,
                 explain: bool = False, states_only: bool = False) -> Iterator[dict[str, Any]]:
    """Yield {"id", "events": [...]} for each input record, in order.

    Every event is written with its `confidence` (the learned layer's probability for an act between two
    states); `min_probability` leaves out such acts below it, as relations do with the setting
    `event_min_probability`. `explain` adds each event's named rules and probability, and each record's
    dropped candidates with the rule (or the probability floor) that dropped them. `states_only` keeps only
    acts between two states of two countries (`codes.is_interstate`: no international body, group or company,
    as the real-news codebook codes them and as the dyads of two states count them).
    """
    if scheme not in SCHEMES:
        raise ValueError(f"scheme {scheme!r}: expected one of {', '.join(SCHEMES)}")
    if coder is None:
        from multipolar.events.coder import EventCoder

        coder = EventCoder(settings or Settings())
    view: Callable[[list[Any]], Iterable[Any]] = list
    if scheme == "plover":
        from multipolar.interop.plover import plover_view as view
    floor = min_probability if coder.settings.event_model else 0.0
    pending: list[tuple[str, str, date | None, str | None]] = []

    def flush() -> Iterator[dict[str, Any]]:
        batch = list(pending)
        pending.clear()
        for rid, events in coder.code_texts(iter(batch)):
            if states_only:
                events = [e for e in events if is_interstate(e.source_actor, e.target_actor)]
            yield _output(rid, events, coder=coder, view=view, floor=floor, explain=explain)

    for n, record in enumerate(lines, start=1):
        try:
            pending.append(parse_record(record, n=n))
        except ParseError as exc:  # this record gets an error record; the others are coded
            yield from flush()
            rid = record.get("id", str(n)) if isinstance(record, dict) else str(n)
            yield {"id": str(rid), "error": str(exc), "events": []}
            continue
        if len(pending) >= _CHUNK:
            yield from flush()
    yield from flush()


_CHUNK = 256  # records coded together between two bad ones


def _output(rid: str, events: list[Any], *, coder: Any, view: Callable[[list[Any]], Iterable[Any]], floor: float,
            explain: bool) -> dict[str, Any]:
    """One output record: the events at or above the probability floor, with --explain's reasons."""
    kept = [e for e in events if not (applies(e) and e.confidence < floor)]
    if not explain:
        return {"id": rid, "events": [event.to_json() for event in view(kept)]}
    trace = getattr(coder, "trace", None)
    fired = trace.fired if trace is not None else {}
    out = [{**event.to_json(), "explain": list(fired.get(event.event_id, [])),
            "probability": event.confidence if applies(event) else None} for event in view(kept)]
    dropped = list(trace.dropped) if trace is not None else []
    dropped += [{"rule": "model.min_probability", "probability": e.confidence, "sentence": e.sentence,
                 "trigger": e.trigger, "source": e.source_actor, "target": e.target_actor, "cameo": e.cameo,
                 "plover": e.plover} for e in events if applies(e) and e.confidence < floor]
    return {"id": rid, "events": out, "dropped": dropped}
