"""GDELT 2.0 export files and PLOVER JSON."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from multipolar.errors import ParseError
from multipolar.interop.gdelt import COLUMNS, read_gdelt_events, write_gdelt_rows
from multipolar.interop.plover import to_plover_json

SAMPLE = Path(__file__).parent / "data" / "sample.export.CSV"


def test_gdelt_layout_has_61_columns() -> None:
    assert len(COLUMNS) == 61
    assert (COLUMNS[0], COLUMNS[26], COLUMNS[30], COLUMNS[59], COLUMNS[60]) == (
        "GLOBALEVENTID", "EventCode", "GoldsteinScale", "DATEADDED", "SOURCEURL")


def test_gdelt_read_sample_fields() -> None:
    events = list(read_gdelt_events(SAMPLE))
    assert len(events) == 20
    first = events[0]
    e = first.event
    assert (e.event_id, e.date, e.source, e.source_actor, e.target, e.target_actor) == (
        "gdelt-1232000101", date(2025, 1, 21), "RUS", "RUSGOV", "CHN", "CHNGOV")
    assert (e.cameo, e.root, e.quad, e.goldstein, e.plover) == ("042", "04", 1, 1.9, "CONSULT")
    assert first.origin == "gdelt" and first.url.startswith("https://www.reuters.com/")
    assert first.num_mentions == e.mentions and first.num_sources is not None and first.num_articles is not None
    un = events[7].event
    assert (un.source, un.source_actor, un.quad, un.plover) == ("IGO", "IGOUNO", 2, "AID")
    assert events[-1].event.target is None  # an event without Actor2
    assert all(isinstance(x.event.cameo, str) for x in events)


def test_gdelt_round_trip_read_write_read(tmp_path: Path) -> None:
    first = list(read_gdelt_events(SAMPLE))
    out = tmp_path / "again.export.CSV"
    out.write_text("".join(write_gdelt_rows(first)), encoding="utf-8")
    again = list(read_gdelt_events(out))
    assert again == first
    assert out.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")


def test_gdelt_reads_zip(tmp_path: Path) -> None:
    path = tmp_path / "20250121000000.export.CSV.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(SAMPLE, "20250121000000.export.CSV")
    assert len(list(read_gdelt_events(path))) == 20


def test_gdelt_writes_our_own_events() -> None:
    own = [dataclasses.replace(x.event, event_id=f"ours-{i}", text="Putin held a call with Xi.")
           for i, x in enumerate(read_gdelt_events(SAMPLE))]
    rows = list(write_gdelt_rows(own))
    assert len(rows) == 20 and all(len(r.rstrip("\n").split("\t")) == 61 for r in rows)
    assert rows[0].split("\t")[:2] == ["1", "20250121"]


def test_gdelt_malformed_row_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.export.CSV"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    bad.write_text(lines[0] + "\n" + "\t".join(["x"] * 58) + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"bad\.export\.CSV:2: expected 61 .*GDELT 1\.0"):
        list(read_gdelt_events(bad))


def test_plover_json_line() -> None:
    e = next(iter(read_gdelt_events(SAMPLE))).event
    record = json.loads(json.dumps(to_plover_json(e)))
    assert {"id", "date", "actor", "recipient", "event", "mode", "context", "text"} <= set(record)
    assert record["event"] == "CONSULT" and record["date"] == "2025-01-21"
    assert record["actor"][0]["code"] == "RUSGOV" and record["recipient"][0]["country"] == "CHN"
    assert record["quad_code"] == 1
