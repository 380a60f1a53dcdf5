"""Named rules that judge the coder's candidate events, and the trace `multipolar code --explain` prints.

The coder (events/coder.py) finds candidates: a trigger, its source and target, a code. Each candidate
then passes the rules of the modules `rules()` lists, in order (events/syntax_trace.py, anaphora.py, talks.py, roles.py,
parties.py, imposers.py, trade.py, polarity.py, modality.py, clauses.py, timing.py); a rule may leave it as it is, change it (returns a new
Event) or drop it (returns DROP). Every rule has a name ("modality.question"), its home module and its
words in events/data/rules/<module>.json. `Trace` records, per document, the names that fired for each
kept event and, for each dropped candidate, the rule that dropped it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from multipolar.errors import DataFileError
from multipolar.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class _Drop:
    def __repr__(self) -> str:
        return "DROP"


DROP = _Drop()  # a rule's verdict: not an event


@dataclass
class Candidate:
    """One candidate event with what the rules may look at."""

    event: Event
    tok: Token  # the trigger token
    sent: Span
    doc: Doc
    actors: dict[int, Any]
    published: date | None
    coder: Any  # the EventCoder (ontology, lexicon, event construction)
    speaker: Token | None = None  # the say-verb that reports this act, if any
    guessed_source: bool = False  # the source is the coder's stand-in, not read off the parse
    pairs: dict[int, tuple[Any, Any]] = field(default_factory=dict)  # "the two leaders" -> (first, second)
    fired: list[str] = field(default_factory=list)
    issuer: str | None = None  # the ISO3 code of the government whose own statement the document is (actors/issuer.py)


RuleFn = Callable[[Candidate], "Event | _Drop | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    apply: RuleFn


@cache
def words(module: str) -> dict[str, Any]:
    """The word lists of one rule module (events/data/rules/<module>.json): lists become frozensets."""
    path = resources.files("multipolar.events").joinpath(f"data/rules/{module}.json")
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(f"events/data/rules/{module}.json: cannot read the rule words ({exc}); reinstall multipolar") from None
    def frozen(v: Any) -> Any:
        return frozenset(tuple(x) if isinstance(x, list) else x for x in v) if isinstance(v, list) else v

    return {k: frozen(v) for k, v in raw.items() if not k.startswith("_")}


def derived_id(ev: Event, *parts: str) -> str:
    """The id of an event a rule derives from `ev` (recoded, re-aimed, a second source): stable for the same
    event and parts."""
    return hashlib.sha1("|".join((ev.event_id, *parts)).encode()).hexdigest()


def recode(ev: Event, code: str, ontology: Any, *, id_parts: tuple[str, ...] = (), **changes: Any) -> Event:
    """`ev` under another CAMEO code (and any other field changes), with a new event id (from the code and
    `id_parts`, for one event recoded several ways)."""
    info = ontology.get(code)
    return dataclasses.replace(
        ev, cameo=code, root=info.root, quad=info.quad, goldstein=info.goldstein, plover=info.plover,
        plover_mode=info.plover_mode, event_id=derived_id(ev, code, *id_parts), **changes)


def to_infinitive(tok: Token) -> bool:
    """Whether `tok` heads a to-infinitive ("to support", "to provide")."""
    return any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)


def governors(tok: Token, *, limit: int = 4) -> Iterable[Token]:
    """The heads above `tok`, nearest first, up to `limit` steps."""
    x = tok
    for _ in range(limit):
        if x.head.i == x.i:
            return
        x = x.head
        yield x


def clause_verb(tok: Token) -> Token | None:
    """The verb of a trigger's clause: the trigger itself, or the first verb above a noun trigger."""
    return next((x for x in (tok, *governors(tok, limit=9)) if x.pos_ in ("VERB", "AUX")), None)


def is_state_mention(m: Any) -> bool:
    """Whether an actor mention names a state for the anaphora and modality rules: a three-letter country, no
    IGO or NGO, no sector noun ("companies"). Looser than `multipolar.codes.is_state`, which also leaves out
    non-state roles."""
    return (m.country.isalpha() and len(m.country) == 3 and not m.actor_code.startswith(("IGO", "NGO"))
            and getattr(m, "kind", None) != "sector")  # the claims' roles pass mentions without a kind


def mention_name(m: Any) -> str | None:
    """The name an event gives an actor mention: the person's, else the words of the mention."""
    return getattr(m, "person", None) or getattr(m, "text", None)


def aimed_at(ev: Event, m: Any) -> Event:
    """The event with the state mention `m` as its target."""
    return dataclasses.replace(ev, target=m.country, target_actor=m.actor_code, target_name=mention_name(m))


def mention_tokens(cand: Candidate, actor_code: str) -> list[Token]:
    """Tokens of the sentence where an actor with this code is mentioned."""
    doc, actors = cand.doc, cand.actors  # by index: a Token is made only for a mention (this runs per candidate)
    return [doc[i] for i in range(cand.sent.start, cand.sent.end)
            if (m := actors.get(i)) is not None and m.actor_code == actor_code]


def mention_kind(kind: str) -> Callable[[Candidate], Event | None]:
    """A rule that only names, in the trace, the resolver's rule behind a mention of the event's source or target
    (its mentions of this `kind`: "issuer_self", "issuer_title", "us_state")."""
    def named(c: Candidate) -> Event | None:
        ev = c.event
        for code in (ev.source_actor, ev.target_actor):
            if code and any(c.actors[t.i].kind == kind for t in mention_tokens(c, code)):
                return ev
        return None
    return named


@dataclass
class Trace:
    """Per document: the rules behind each kept event, and why each dropped candidate was dropped."""

    fired: dict[str, list[str]] = field(default_factory=dict)
    dropped: list[dict[str, Any]] = field(default_factory=list)

    def drop(self, ev: Event, rule: str, fired: list[str]) -> None:
        self.dropped.append({"rule": rule, "fired": list(fired), "sentence": ev.sentence, "trigger": ev.trigger,
                             "source": ev.source_actor, "target": ev.target_actor, "cameo": ev.cameo,
                             "plover": ev.plover})


def rules() -> list[Rule]:
    from multipolar.events import (
        anaphora,
        clauses,
        imposers,
        modality,
        parties,
        polarity,
        roles,
        syntax_trace,
        talks,
        timing,
        trade,
    )

    return [*syntax_trace.RULES, *anaphora.RULES, *talks.RULES, *roles.RULES, *parties.RULES, *imposers.RULES, *trade.RULES,
            *polarity.RULES, *modality.RULES, *clauses.RULES,
            *timing.RULES]


def judge(cand: Candidate, chain: list[Rule], trace: Trace | None) -> Event | None:
    """Run the rules over one candidate: the event as the rules leave it, or None when one drops it."""
    ev = cand.event
    for rule in chain:
        verdict = rule.apply(cand)
        if verdict is None:
            continue
        cand.fired.append(rule.name)
        if verdict is DROP:
            if trace is not None:
                trace.drop(ev, rule.name, cand.fired[:-1])
            return None
        assert isinstance(verdict, Event)
        ev = cand.event = verdict
    if trace is not None:
        trace.fired.setdefault(ev.event_id, []).extend(cand.fired)
    return ev
