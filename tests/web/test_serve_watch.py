"""`multipolar serve --watch FOLDER`: one process owns the store, polls the folder in a thread of its own and
serves what each poll brings on the next request; the alerts page lists stored alerts with their evidence."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from multipolar.api import Project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, check, *, seconds: float = 180.0):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = httpx.get(url, timeout=10)
            if last.status_code == 200 and check(last.json()):
                return last.json()
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show it within {seconds} s; last answer: {last and last.text[:300]}")


@pytest.mark.slow
@pytest.mark.model
def test_serve_watch_shows_what_each_poll_brings(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "live.duckdb"
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "multipolar", "serve", "--db", str(db), "--port", str(port), "--watch", str(inbox),
         "--every", "1s"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/api/rejections", lambda body: body["rows"] == [])
        (inbox / "empty.txt").write_text("")  # a bad input: stored as a rejection by the watcher
        _wait_for(f"{base}/api/rejections", lambda body: any("empty.txt" in r["source_uri"] for r in body["rows"]))
        item = {"id": "w1", "date": "2025-03-04", "title": "Sanctions",
                "text": "The United States imposed sanctions on two Russian oil companies on Tuesday, the Treasury said."}
        (inbox / "news.jsonl").write_text(json.dumps(item) + "\n")
        events = _wait_for(f"{base}/api/events?actor=USA", lambda body: body.get("total", 0) > 0)
        assert any((e["target_actor"] or "").startswith("RUS") for e in events["rows"])
        # a second process is told, in one line, who holds the store
        held = subprocess.run([sys.executable, "-m", "multipolar", "ingest", str(inbox), "--db", str(db)],
                              capture_output=True, text=True, timeout=120)
        assert held.returncode == 3 and "multipolar serve" in held.stderr and len(held.stderr.strip().splitlines()) == 1
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=60)
    assert "watching 1 source(s)" in out
    assert "watch: ready, the analysis models loaded in" in out


def test_alerts_page_lists_alerts_with_their_driving_events(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from multipolar.records import Alert
    from multipolar.store.watch import add_alerts
    from multipolar.web import create_app

    db = tmp_path / "alerts.duckdb"
    driver = {"event_id": "ev<1>", "date": "2025-03-04", "source_actor": "USA", "target_actor": "RUS",
              "cameo": "163", "goldstein": -8.0, "pull": -2.0, "text": "Sanctions <b>imposed</b>.", "doc_id": "d1",
              "url": None, "title": None, "outlet": "Wire", "source_uri": "a.txt"}
    with Project(db) as project:
        add_alerts(project.store, [Alert("a1", "edge_sign", "RUS-USA", "2025-W10", "RUS-USA edge 0 -> -",
                                          {"drivers": [driver]}, ("ev<1>",))])
    with Project(db, read_only=True) as project:
        client = TestClient(create_app(project), base_url="http://127.0.0.1:8000")
        page = client.get("/alerts")
        assert page.status_code == 200
        assert "RUS-USA edge 0 -&gt; -" in page.text and "Sanctions &lt;b&gt;imposed&lt;/b&gt;." in page.text
        assert 'href="/events/ev%3C1%3E"' in page.text
        body = client.get("/api/alerts").json()
        assert body["rows"][0]["alert_id"] == "a1" and body["rows"][0]["event_ids"] == ["ev<1>"]
