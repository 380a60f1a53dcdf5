"""The report in a real browser: headless Chromium draws the SVGs, logs no console error, and leaves a
screenshot in test-artifacts/report.png. Needs /usr/bin/chromium (Debian package `chromium`)."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
# set before the report's own script: any uncaught error or console.error leaves a mark in the DOM
PROBE = """<script>
window.__errors = [];
window.onerror = function (msg) { document.documentElement.setAttribute("data-js-error", String(msg)); };
var __ce = console.error;
console.error = function () { document.documentElement.setAttribute("data-console-error", "1"); __ce.apply(console, arguments); };
</script>"""


def _chromium() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        pytest.fail(
            "headless Chromium is needed for the browser test and was not found at /usr/bin/chromium: "
            "install it with `apt-get update && apt-get install -y chromium` (the CI script does this)"
        )
    return path


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.slow
def test_report_in_headless_chromium(report_html: str, tmp_path: Path) -> None:
    chromium = _chromium()
    page = tmp_path / "report.html"
    # the report's policy runs only scripts it names by hash: the probe is named the same way
    probe = PROBE.removeprefix("<script>").removesuffix("</script>")
    digest = base64.b64encode(hashlib.sha256(probe.encode("utf-8")).digest()).decode("ascii")
    page.write_text(
        report_html.replace("script-src ", f"script-src 'sha256-{digest}' ", 1).replace("<head>", "<head>\n" + PROBE, 1),
        encoding="utf-8",
    )
    url = page.as_uri()
    profile = tmp_path / "profile"

    dom = _run([chromium, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=3000", "--dump-dom", url])
    assert dom.returncode == 0, dom.stderr[-2000:]
    html = dom.stdout
    root = re.search(r"<html[^>]*>", html)
    assert root and 'data-report-ready="1"' in root.group(0), "the report's script did not run"
    assert "data-js-error" not in root.group(0), f"the page raised a JavaScript error: {root.group(0)}"
    assert "data-console-error" not in root.group(0), "the page logged a console error"
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line and re.search(r"error", line, re.I)]
    assert not console, console
    assert len(re.findall(r'<svg[^>]+class="triangle"', html)) >= 2
    assert len(re.findall(r'<svg[^>]+class="series"', html)) == 3
    assert re.search(r'<line[^>]+class="edge sign', html)
    assert "<script>alert" not in html

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    res = _run([chromium, *FLAGS, f"--user-data-dir={profile}", "--window-size=1200,2200",
                f"--screenshot={shot}", url])
    assert res.returncode == 0, res.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 10_000
