"""One answer: the report's numbers for every period equal `multipolar triangle --format json`."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape

import pytest

from multipolar.cli import main
from multipolar.relations.synthetic import synthetic_events
from multipolar.store import Store
from multipolar.store.synthetic import insert_synthetic, open_empty


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
        raise SystemExit(0)
    captured = capsys.readouterr()
    assert (exit_info.value.code or 0) == 0, captured.err
    return captured.out


def _report_periods(html: str) -> dict[str, dict]:
    out = {}
    for row in re.finditer(r'<tr data-period="([^"]+)" data-configuration="([^"]*)" data-confidence="([^"]*)">(.*?)</tr>',
                           html, re.S):
        edges = {}
        for cell in re.finditer(r'data-edge="([^"]+)" data-status="([^"]+)" data-events="(\d+)" data-documents="(\d+)"\s+'
                                r'data-estimate="([^"]*)" data-sd="([^"]*)"', row.group(4)):
            key, status, events, documents, estimate, sd = cell.groups()
            edges[key] = (unescape(status), int(events), int(documents), estimate, sd)
        out[row.group(1)] = {"configuration": row.group(2), "confidence": row.group(3), "edges": edges}
    return out


def test_report_numbers_equal_triangle_json_for_every_period(tmp_path, capsys) -> None:
    db = tmp_path / "s.duckdb"
    con = open_empty(db)
    insert_synthetic(con, synthetic_events(20000, first=date(2024, 1, 1), years=1, seed=11))
    con.close()
    Store.open(db).close()  # records the schema version
    cli = json.loads(_run(["triangle", "USA", "CHN", "RUS", "--db", str(db), "--format", "json"], capsys))
    _run(["report", "--db", str(db), "--out", str(tmp_path / "r.html")], capsys)
    report = _report_periods((tmp_path / "r.html").read_text(encoding="utf-8"))
    expected = {}
    for p in cli["periods"]:
        if not any(e["documents"] for e in p["edges"].values()):
            continue
        conf = "" if p["confidence"] is None else f"{p['confidence']:.4f}"
        edges = {k: (e["status"], e["events"], e["documents"],
                     "" if e["estimate"] is None else f"{e['estimate']:.4f}", "" if e["sd"] is None else f"{e['sd']:.4f}")
                 for k, e in p["edges"].items()}
        expected[p["period"]] = {"configuration": p["configuration"], "confidence": conf, "edges": edges}
    assert len(expected) >= 12
    assert {c["configuration"] for c in expected.values()} - {"insufficient_evidence"}  # some periods are signed
    assert report == expected
    # the same shifts, configuration and edge, in the report and the JSON
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    shown = re.findall(r'<article class="shift" data-kind="(triangle|edge)" data-period="([^"]+)" data-subject="([^"]+)">', html)
    listed = [(x["kind"], x["period"], x["subject"]) for x in cli["shifts"]]
    assert listed  # this corpus has an edge sign change (a configuration change is compared the same way)
    assert sorted(shown) == sorted(listed)
