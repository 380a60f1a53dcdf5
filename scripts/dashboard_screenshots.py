"""Screenshots of the dashboard's pages into docs/ (PNG), taken by headless Chromium from the demo store.

    python scripts/dashboard_screenshots.py [--db demo.duckdb]

Builds the demo store first (`multipolar demo`) when --db does not exist. Needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "demo.duckdb"))
    parser.add_argument("--out", default=str(ROOT / "docs"))
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("Chromium is needed: apt-get install chromium (or sh scripts/install-chromium.sh)")
    if not Path(args.db).exists():
        subprocess.run([sys.executable, "-m", "multipolar", "demo", "--db", args.db, "--out",
                        str(Path(tempfile.gettempdir()) / "demo-report.html"), "--force", "--quiet"], check=True)

    from multipolar.api import Project
    from multipolar.web import create_app

    project = Project(args.db, read_only=True)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(project), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    overview = httpx.get(f"{base}/api/overview").json()
    period = overview["period"]["period"]
    edge = overview["period"]["edges"][0]
    event_id = edge["events_list"][0]["event_id"] if edge["events_list"] else \
        httpx.get(f"{base}/api/events?per_page=1").json()["rows"][0]["event_id"]
    pages = {
        "dashboard-overview.png": "/",
        "dashboard-dyad.png": f"/dyad?a={edge['a']}&b={edge['b']}&period={period}",
        "dashboard-events.png": "/events",
        "dashboard-event.png": f"/events/{event_id}",
        "dashboard-claims.png": "/claims",
    }
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        for name, path in pages.items():
            shot = out / name
            subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1100",
                            "--virtual-time-budget=3000", f"--screenshot={shot}", base + path],
                           check=True, capture_output=True, timeout=120)
            print(f"{shot} ({shot.stat().st_size // 1024} KB) <- {path}")
    server.should_exit = True
    thread.join(timeout=10)
    project.close()


if __name__ == "__main__":
    main()
