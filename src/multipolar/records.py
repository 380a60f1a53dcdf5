"""Frozen records passed between stages.

Every stage takes and returns these, never loose dicts. Field names carry their code system and unit
(`cameo`, `plover`, `published`, `goldstein`). Offsets are character offsets into `Document.text`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input exactly as it arrived: the bytes are stored before anything else happens.

    `fields` holds what the container said about the document (a JSON line's `title`, a feed item's
    `link`, a CSV row's columns); unknown fields are kept there too.
    """

    source_uri: str
    raw: bytes
    raw_format: str  # txt | md | html | json | feed-item | csv-row | gdelt
    fields: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None  # declared charset, when the container declared one
    doc_id: str = field(init=False)  # sha256 of the raw bytes, computed once

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc_id", sha256_hex(self.raw))


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document: metadata, clean text, and what cleaning removed (nothing is lost)."""

    doc_id: str
    source_uri: str
    raw_format: str
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    input_id: str | None = None  # the input's own `id`, where it gave one
    published: date | None = None
    published_from: str = "none"  # meta | text | url | feed | none; cross-document: story | text_latest | ingest
    language: str | None = None
    is_english: bool = True
    encoding: str | None = None  # how the bytes were decoded (declared / utf-8 / cp1252)
    removed: tuple[str, ...] = ()  # boilerplate lines removed by cleaning, in order
    boilerplate_removed: float = 0.0  # share of characters removed
    flags: tuple[str, ...] = ()  # e.g. "non_english", "decoded_cp1252", "short_text"
    extra: dict[str, Any] = field(default_factory=dict)  # unknown input fields, kept


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    idx: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: where in the text, which actor code, and the person when it is one."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    actor_code: str
    person: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event; its JSON form is the event record of DESIGN.md."""

    event_id: str
    doc_id: str | None
    sentence: int
    date: date | None
    date_precision: str | None  # day | month | year | doc (doc_story | doc_text | doc_ingest: inferred) | None
    source: str
    source_actor: str
    source_name: str | None
    target: str | None
    target_actor: str | None
    target_name: str | None
    cameo: str
    root: str
    quad: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    negated: bool
    modality: str  # asserted | intended | hypothetical | reported
    confidence: float
    trigger: str
    text: str
    span: tuple[int, int]
    story_id: str | None = None
    mentions: int = 1
    date_flag: str | None = None  # implausible date (events/timing.py): after_published | before_earliest_year

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        out["span"] = list(self.span)
        return out


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric statement: the value, what it measures, for when, and who says so."""

    claim_id: str
    doc_id: str
    sentence: int
    start: int
    end: int
    text: str  # the number as written, e.g. "$245 billion"
    value: float  # normalised to base units (dollars, percent points, barrels/day, tonnes, people)
    unit: str  # USD | CNY | EUR | RUB | percent | bpd | tonnes | people | ...
    measure: str  # what it measures, e.g. "bilateral trade"
    subject: tuple[str, ...] = ()  # actor codes the measure is about, sorted
    period: str | None = None  # "2024", "2025-01", None when unstated
    attribution: str | None = None  # "Chinese customs data", "Putin"
    sentence_text: str = ""
    target: tuple[str, ...] = ()  # actor codes it is imposed on or directed at ("tariff on Chinese goods": CHN)
    kind: str = "level"  # level | change ("raised to 50%" is a level, "raised by 50%" a change)
    scope: str | None = None  # the part of the measure: "all" (all goods), "steel", "coal+gas"; None unstated


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document (or an input) a stage could not handle, with the reason and the fix."""

    source_uri: str
    stage: str
    code: str
    message: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class IngestSummary:
    ingested: int = 0
    duplicates: int = 0
    rejected: int = 0
    flagged: int = 0
    gdelt_events: int = 0

    def line(self) -> str:
        parts = [f"{self.ingested} ingested"]
        if self.flagged:
            parts[0] += f" ({self.flagged} flagged: see the `flags` column of `multipolar docs`)"
        if self.gdelt_events:
            parts.append(f"{self.gdelt_events} GDELT events stored")
        if self.duplicates:
            parts.append(f"{self.duplicates} already stored")
        parts.append(f"{self.rejected} rejected")
        text = ", ".join(parts)
        if self.rejected:
            text += " — see `multipolar rejections`"
        return text


@dataclass(frozen=True, slots=True)
class WatchState:
    """What `multipolar watch` remembers of one watched source between polls (table `watch_sources`)."""

    url: str
    kind: str  # feed | gdelt | folder | file
    etag: str | None = None
    last_modified: str | None = None
    last_polled: datetime | None = None
    last_ok: datetime | None = None
    failures: int = 0
    next_poll: datetime | None = None
    last_error: str | None = None
    last_status: str | None = None  # "200", "304", "error", "unchanged", …
    last_item: str | None = None  # GDELT: the last export file taken


@dataclass(frozen=True, slots=True)
class Alert:
    """A change worth telling someone about (`multipolar.watch.alerts`); `alert_id` is a hash of what
    identifies it (kind, actors, period, the change), so the same change is stored once."""

    alert_id: str
    kind: str  # edge_sign | triangle_configuration | level_band
    actors: str  # "CHN-USA" (an edge) or "CHN-RUS-USA" (a triangle)
    period: str
    summary: str
    detail: dict[str, Any]
    event_ids: tuple[str, ...]
    raised_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "alert_id": self.alert_id, "raised_at": self.raised_at.isoformat() + "Z" if self.raised_at else None,
            "kind": self.kind, "actors": self.actors, "period": self.period, "summary": self.summary,
            "detail": self.detail, "event_ids": list(self.event_ids),
        }


def utcnow() -> datetime:

    return datetime.now(UTC).replace(tzinfo=None)


# -- records the store reads and writes for the analysis and cross-document stages -------------------
@dataclass(frozen=True, slots=True)
class AnalysisInput:
    """A clean document handed to the per-document analysis stage."""

    doc_id: str
    source_uri: str
    text: str
    published: date | None
    title: str | None = None  # with the text's lead, it gives the document's story embedding
    url: str | None = None  # with the outlet, it says whether the text is a government's own statement
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the per-document analysis stage found in one document."""

    doc_id: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    # the sentence embedding of its title and lead (`stories.cluster.story_lead`), for story clustering
    story_vector: tuple[float, ...] | None = None


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What clustering needs of one document; `actors` are actor codes where the document has them."""

    doc_id: str
    title: str | None
    text: str
    published: date | None = None
    actors: tuple[str, ...] = ()
    near_duplicate_of: str | None = None
    # dates the text gives for the events it reports (day or month precision, resolved by the event
    # coder); they place a document that has no publication date in time
    event_dates: tuple[date, ...] = ()
    # days of the year an undated text names without a year ("on February 24", "the anniversary of
    # the 2022 invasion"), as (month, day); placed in the year nearest the other documents' dates
    yearless_days: tuple[tuple[int, int], ...] = ()
    # its title and lead's embedding as the per-document stage stored it (None: computed when clustered)
    embedding: tuple[float, ...] | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """A story as stored: `centroid` is the mean embedding of its documents (not re-normalised)."""

    story_id: str
    title: str | None
    first_date: date | None
    last_date: date | None
    actors: tuple[str, ...]
    n_documents: int
    centroid: tuple[float, ...]
    doc_ids: tuple[str, ...] = ()


# `published_from` of a publication day inferred for an undated document (`stories.undated`): another
# documents' day or the day it was read, never the document's own
INFERRED_FROM = ("story", "text_latest", "ingest")

CLAIM_STATUSES = ("contradicted", "different_periods", "corroborated", "periods_unstated", "single")
CONFLICT_STATUSES = ("contradicted", "different_periods")


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims about one measure of one subject on one target, of one kind, scope and unit, and whether the
    documents agree."""

    group_id: str
    measure: str
    unit: str
    subject: tuple[str, ...]
    status: str  # contradicted | different_periods | corroborated | periods_unstated | single
    reason: str
    n_claims: int
    n_documents: int
    min_value: float
    max_value: float
    claim_ids: tuple[str, ...]
    target: tuple[str, ...] = ()
    kind: str = "level"
    scope: str | None = None
