"""GDELT 2.0 event export files: read them into Event records, write our events in their layout.

GDELT 2.0 publishes an event export every 15 minutes (`YYYYMMDDHHMMSS.export.CSV.zip`): one zip member,
tab-separated, no header row, UTF-8, 61 columns. The layout, from the GDELT 2.0 Event Database
codebook (header row file: linwoodc3/gdelt2HeaderRows, GDELT_2.0_Column_Labels_Header_Row_Sep2016.csv),
0-based as read:

   0 GLOBALEVENTID          integer id; not a date order
   1 SQLDATE                YYYYMMDD, the event's date
   2 MonthYear  3 Year  4 FractionDate (YYYY.FFFF, FFFF = (month*30+day)/365)
   5 Actor1Code             the full CAMEO actor code ("USAGOV", "IGOUNO")
   6 Actor1Name  7 Actor1CountryCode (3 letters)  8 Actor1KnownGroupCode (IGO/NGO/rebel code)
   9 Actor1EthnicCode  10 Actor1Religion1Code  11 Actor1Religion2Code
  12 Actor1Type1Code  13 Actor1Type2Code  14 Actor1Type3Code
  15–24 Actor2Code … Actor2Type3Code, as 5–14
  25 IsRootEvent            1 = in the lead paragraph
  26 EventCode              CAMEO code, a string ("042", "0251")
  27 EventBaseCode          level-2 parent ("025")
  28 EventRootCode          root ("02")
  29 QuadClass              1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
  30 GoldsteinScale         −10…+10 (GDELT variant)
  31 NumMentions  32 NumSources  33 NumArticles   counts in the first 15-minute window
  34 AvgTone                −100…+100
  35–42 Actor1Geo_Type, _FullName, _CountryCode, _ADM1Code, _ADM2Code, _Lat, _Long, _FeatureID
  43–50 Actor2Geo_…, the same eight
  51–58 ActionGeo_…, the same eight
  59 DATEADDED              YYYYMMDDHHMMSS, UTC
  60 SOURCEURL              the first document's URL
`COLUMNS` below spells all 61 names.

Mapping to our Event: `event_id` "gdelt-<GLOBALEVENTID>"; `date` SQLDATE (precision day);
`source_actor` Actor1Code, `source` Actor1CountryCode, else Actor1KnownGroupCode's prefix
from Actor1Code, else the first three letters of Actor1Code (likewise target); `cameo` EventCode kept
as a string; `root` EventRootCode; `quad` recomputed from the root (CAMEO/ICEWS convention 01–05,
06–08, 09–13, 14–20; methods.md §1.3), GDELT's own QuadClass kept as `gdelt_quad`; `goldstein`
GoldsteinScale; `mentions` NumMentions. GDELT gives no sentence: `text` "", `sentence` −1, `span`
(0, 0), `confidence` 1.0, `modality` asserted. Provenance: origin "gdelt", url (SOURCEURL),
num_mentions, num_sources, num_articles, avg_tone, is_root_event, date_added, and every other column
verbatim in `extra`, so writing a read event gives the same row back.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from multipolar.errors import ParseError
from multipolar.interop.plover import plover_for
from multipolar.records import Event

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{x}" for x in _ACTOR), *(f"Actor2{x}" for x in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{x}" for x in _GEO), *(f"Actor2Geo_{x}" for x in _GEO), *(f"ActionGeo_{x}" for x in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61
_COL = {name: i for i, name in enumerate(COLUMNS)}
_MAPPED = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode",
    "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "AvgTone", "DATEADDED", "SOURCEURL",
}
EXTRA_COLUMNS = tuple(c for c in COLUMNS if c not in _MAPPED)
_GROUP_PREFIXES = ("IGO", "NGO", "NGM", "MNC")


def quad_from_root(root: str) -> int:
    """QuadClass from the CAMEO root, CAMEO/ICEWS convention (methods.md §1.3)."""
    r = int(root)
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13:
        return 3
    if 14 <= r <= 20:
        return 4
    raise ValueError(f"CAMEO root {root!r} is outside 01–20")


@dataclass(frozen=True, slots=True)
class GdeltEvent:
    """An Event read from (or written to) a GDELT export row, with GDELT's provenance fields."""

    event: Event
    global_event_id: int
    url: str | None
    num_mentions: int | None
    num_sources: int | None
    num_articles: int | None
    avg_tone: float | None
    is_root_event: bool
    date_added: str | None  # YYYYMMDDHHMMSS, UTC
    gdelt_quad: int | None  # QuadClass as GDELT assigned it
    extra: dict[str, str] = field(default_factory=dict)  # the other columns, verbatim (keys EXTRA_COLUMNS)
    origin: str = "gdelt"

    def store_row(self) -> dict[str, Any]:
        """The event as a row of the store's `events` table (column -> value)."""
        e = self.event
        return {
            "event_id": e.event_id, "doc_id": e.doc_id, "sentence": e.sentence, "date": e.date,
            "date_precision": e.date_precision, "source": e.source, "source_actor": e.source_actor,
            "source_name": e.source_name, "target": e.target, "target_actor": e.target_actor,
            "target_name": e.target_name, "cameo": e.cameo, "root": e.root, "quad": e.quad,
            "goldstein": e.goldstein, "plover": e.plover, "plover_mode": e.plover_mode, "negated": e.negated,
            "modality": e.modality, "confidence": e.confidence, "trigger": e.trigger, "text": e.text,
            "span_start": e.span[0], "span_end": e.span[1], "story_id": e.story_id, "mentions": e.mentions,
            "canonical_id": None, "origin": self.origin, "url": self.url, "num_mentions": self.num_mentions,
            "num_sources": self.num_sources, "num_articles": self.num_articles,
        }


def _int(value: str) -> int | None:
    return int(value) if value.strip() else None


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


def _side(cells: list[str], n: int) -> tuple[str | None, str | None, str | None]:
    """(short code, full code, name) of Actor n."""
    code = cells[_COL[f"Actor{n}Code"]].strip()
    country = cells[_COL[f"Actor{n}CountryCode"]].strip()
    name = cells[_COL[f"Actor{n}Name"]].strip() or None
    if not code and not country:
        return None, None, name
    return (country or code[:3]), (code or country), name


def parse_gdelt_row(line: str, *, where: str = "<row>") -> GdeltEvent:
    """One tab-separated export line as a GdeltEvent; ParseError naming `where` when malformed."""
    cells = line.rstrip("\r\n").split("\t")
    if len(cells) != len(COLUMNS):
        hint = " (GDELT 1.0 files have 57 or 58 columns; only GDELT 2.0 exports are read)" if len(cells) in (57, 58) else ""
        raise ParseError(f"{where}: expected {len(COLUMNS)} tab-separated GDELT 2.0 columns, found {len(cells)}{hint}")
    col = {name: cells[i] for i, name in enumerate(COLUMNS)}
    try:
        gid = int(col["GLOBALEVENTID"])
        sql = col["SQLDATE"].strip()
        day = date(int(sql[0:4]), int(sql[4:6]), int(sql[6:8]))
        cameo = col["EventCode"].strip()
        root = col["EventRootCode"].strip() or cameo[:2]
        quad = quad_from_root(root)
        goldstein = float(col["GoldsteinScale"])
        num_mentions = _int(col["NumMentions"])
        gdelt_quad = _int(col["QuadClass"])
        num_sources, num_articles = _int(col["NumSources"]), _int(col["NumArticles"])
        avg_tone = _float(col["AvgTone"])
    except (ValueError, IndexError) as exc:
        raise ParseError(f"{where}: malformed GDELT field ({exc}); expected integer ids, YYYYMMDD dates, "
                         "CAMEO codes with roots 01-20 and numeric scores") from None
    if not cameo:
        raise ParseError(f"{where}: empty EventCode")
    source, source_actor, source_name = _side(cells, 1)
    target, target_actor, target_name = _side(cells, 2)
    if source is None or source_actor is None:
        raise ParseError(f"{where}: event {gid} has no Actor1Code or Actor1CountryCode; an event needs a source")
    plover, mode = plover_for(cameo)
    event = Event(
        event_id=f"gdelt-{gid}", doc_id=None, sentence=-1, date=day, date_precision="day",
        source=source, source_actor=source_actor, source_name=source_name,
        target=target, target_actor=target_actor, target_name=target_name,
        cameo=cameo, root=root, quad=quad, goldstein=goldstein, plover=plover, plover_mode=mode,
        negated=False, modality="asserted", confidence=1.0, trigger="", text="", span=(0, 0),
        mentions=max(num_mentions or 1, 1),
    )
    return GdeltEvent(
        event=event, global_event_id=gid, url=col["SOURCEURL"].strip() or None, num_mentions=num_mentions,
        num_sources=num_sources, num_articles=num_articles, avg_tone=avg_tone,
        is_root_event=col["IsRootEvent"].strip() == "1", date_added=col["DATEADDED"].strip() or None,
        gdelt_quad=gdelt_quad, extra={c: col[c] for c in EXTRA_COLUMNS},
    )


def export_lines(path: Path) -> Iterator[tuple[str, str]]:
    """(where, line) for every line of a .CSV or .CSV.zip export."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                with zf.open(member) as fh:
                    text = io.TextIOWrapper(fh, encoding="utf-8", errors="replace", newline="")
                    for n, line in enumerate(text, 1):
                        yield f"{path}!{member}:{n}", line
        return
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for n, line in enumerate(fh, 1):
            yield f"{path}:{n}", line


def read_gdelt_events(path: str | Path) -> Iterator[GdeltEvent]:
    """Every event of a GDELT 2.0 export file (.CSV or .CSV.zip); blank lines are skipped.

    A malformed row raises ParseError naming the file and line (callers that want to go on past bad
    rows use `parse_gdelt_row` per line and store the rejection)."""
    p = Path(path)
    if not p.exists():
        raise ParseError(f"{p}: no such GDELT export file")
    for where, line in export_lines(p):
        if line.strip():
            yield parse_gdelt_row(line, where=where)


def _fmt_float(x: float | None) -> str:
    if x is None:
        return ""
    return repr(float(x)) if x != int(x) else f"{x:.1f}"


def _fraction_date(day: date) -> str:
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


def _actor_cells(short: str | None, full: str | None, name: str | None, extra: dict[str, str], n: int) -> list[str]:
    country = group = ""
    if short and full:
        if short in _GROUP_PREFIXES and full.startswith(short):
            group = extra.get(f"Actor{n}KnownGroupCode") or full[3:6]
        else:
            country = short
    cells = [full or "", (name or ""), country, group or extra.get(f"Actor{n}KnownGroupCode", "")]
    cells += [extra.get(f"Actor{n}{x}", "") for x in _ACTOR[4:]]
    return cells


def gdelt_row(item: Event | GdeltEvent, *, global_event_id: int | None = None) -> str:
    """One export line (61 tab-separated columns, no newline) for an event."""
    ge = item if isinstance(item, GdeltEvent) else None
    e = item.event if isinstance(item, GdeltEvent) else item
    extra = ge.extra if ge else {}
    day = e.date
    gid = ge.global_event_id if ge else global_event_id
    if gid is None:
        raise ValueError(f"event {e.event_id}: a GDELT row needs an integer GLOBALEVENTID (pass global_event_id)")
    col: dict[str, str] = {c: extra.get(c, "") for c in COLUMNS}
    col["GLOBALEVENTID"] = str(gid)
    col["SQLDATE"] = day.strftime("%Y%m%d") if day else ""
    col["MonthYear"] = day.strftime("%Y%m") if day else ""
    col["Year"] = str(day.year) if day else ""
    col["FractionDate"] = _fraction_date(day) if day else ""
    for n, (short, full, name) in ((1, (e.source, e.source_actor, e.source_name)),
                                   (2, (e.target, e.target_actor, e.target_name))):
        for k, value in zip(_ACTOR, _actor_cells(short, full, name, extra, n), strict=True):
            col[f"Actor{n}{k}"] = value
    col["IsRootEvent"] = "1" if (ge and ge.is_root_event) else "0"
    col["EventCode"] = e.cameo
    col["EventBaseCode"] = e.cameo[:3]
    col["EventRootCode"] = e.root
    col["QuadClass"] = str(ge.gdelt_quad if ge and ge.gdelt_quad is not None else e.quad)
    col["GoldsteinScale"] = _fmt_float(e.goldstein)
    col["NumMentions"] = str(ge.num_mentions if ge and ge.num_mentions is not None else e.mentions)
    col["NumSources"] = "" if not ge or ge.num_sources is None else str(ge.num_sources)
    col["NumArticles"] = "" if not ge or ge.num_articles is None else str(ge.num_articles)
    col["AvgTone"] = _fmt_float(ge.avg_tone) if ge else ""
    col["DATEADDED"] = (ge.date_added or "") if ge else ""
    col["SOURCEURL"] = (ge.url or "") if ge else ""
    for k, v in col.items():
        if "\t" in v or "\n" in v:
            col[k] = v.replace("\t", " ").replace("\n", " ")
    return "\t".join(col[c] for c in COLUMNS)


def write_gdelt_rows(events: Iterable[Event | GdeltEvent]) -> Iterator[str]:
    """Export lines (each ending in "\\n") in GDELT 2.0 layout. Our own events get GLOBALEVENTIDs
    numbered from 1 in the order given; events read from GDELT keep theirs."""
    own = 0
    for item in events:
        if isinstance(item, GdeltEvent):
            yield gdelt_row(item) + "\n"
        else:
            own += 1
            yield gdelt_row(item, global_event_id=own) + "\n"
