"""What the Python API (`multipolar.api.Project`) returns: listings as a `Frame`, the events as an
`EventQuery` to narrow and run, and the summaries of `analyse` and `remove`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from multipolar.errors import UsageError
from multipolar.store import queries

if TYPE_CHECKING:
    from multipolar.api import Project

Progress = Callable[[int], None]
DateLike = date | str | None


@dataclass(frozen=True)
class Frame:
    """Rows with named columns: iterate it for tuples, or convert it."""

    columns: tuple[str, ...]
    rows: tuple[tuple, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.rows)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> list[Any]:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]

    def select(self, names: Sequence[str]) -> Frame:
        index = [self.columns.index(name) for name in names]
        return Frame(tuple(names), tuple(tuple(row[i] for i in index) for row in self.rows))

    def to_arrow(self) -> Any:
        import pyarrow as pa

        return pa.table({name: [row[i] for row in self.rows] for i, name in enumerate(self.columns)})

    def to_pandas(self) -> Any:
        try:
            import pandas  # noqa: F401 - only to say what is missing
        except ImportError:
            raise UsageError("Frame.to_pandas needs pandas: pip install pandas (or use to_arrow())") from None
        return self.to_arrow().to_pandas()


def frame_of(result: tuple[list[str], list[tuple]]) -> Frame:
    columns, rows = result
    return Frame(tuple(columns), tuple(tuple(row) for row in rows))


def as_date(value: DateLike, name: str = "date") -> date | None:
    """A date from a date or a YYYY-MM-DD string; anything else is a UsageError naming `name`."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"{name} {value!r}: expected a date as YYYY-MM-DD") from None


@dataclass(frozen=True)
class AnalysisSummary:
    analysed: int = 0
    events: int = 0
    claims: int = 0
    rejected: int = 0

    def line(self) -> str:
        text = f"{self.analysed} analysed: {self.events} events, {self.claims} claims"
        if self.rejected:
            text += f", {self.rejected} rejected — see `multipolar rejections`"
        return text


@dataclass(frozen=True)
class Removal:
    """What `Project.remove` deleted: the doc_ids and the rows per table."""

    doc_ids: tuple[str, ...]
    rows: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        parts = [f"{self.rows.get('documents', 0)} documents"]
        parts += [f"{n} {table}" for table, n in self.rows.items() if table != "documents" and n]
        return "removed " + ", ".join(parts)


@dataclass(frozen=True)
class EventQuery:
    """The events with the CLI's filters; each method returns a narrower query, `frame()` runs it."""

    project: Project
    filters: queries.EventFilters = queries.EventFilters()

    def where(self, **changes: Any) -> EventQuery:
        if "actors" in changes:
            changes["actors"] = tuple(self.project.check_actors(changes["actors"] or ()))
        for name in ("since", "until"):
            if name in changes:
                changes[name] = as_date(changes[name], name)
        return EventQuery(self.project, replace(self.filters, **changes))

    def actor(self, *codes: str) -> EventQuery:
        return self.where(actors=self.filters.actors + codes)

    def limit(self, n: int | None) -> EventQuery:
        return self.where(limit=n)

    def frame(self, columns: Sequence[str] = queries.EVENT_LIST_COLUMNS) -> Frame:
        return frame_of(queries.events(self.project.store, self.filters, columns))

    def records(self) -> list[Any]:
        """The events as `Event` records (what the GDELT and PLOVER writers take)."""
        return queries.event_records(self.project.store, self.filters)

    def to_arrow(self) -> Any:
        return self.frame().to_arrow()

    def to_pandas(self) -> Any:
        return self.frame().to_pandas()
