"""The dashboard as a person uses it, in real Chromium (Debian's `chromium` and `chromium-driver`, driven by
Selenium): open the overview, click an edge of the triangle, click a point of the dyad's series, open one of
its events and see its sentence marked in the document; no JavaScript error, no policy violation, on the way."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from web_store import EVIL

from multipolar.web import create_app

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(project) -> Iterator[str]:
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(project), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    for path, package in ((CHROMIUM, "chromium"), (DRIVER, "chromium-driver")):
        if not Path(path).exists() and not shutil.which(Path(path).name):
            pytest.fail(f"{path} is missing: install it with `apt-get install -y {package}` (or `make browser`)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="multipolar-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(driver, condition, what: str, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition, message=what)


def _ready(driver) -> bool:
    return driver.find_element("css selector", "html").get_attribute("data-ready") == "1"


def _errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


@pytest.mark.slow
def test_overview_edge_to_event_sentence(server: str, browser) -> None:
    driver = browser
    driver.get(f"{server}/?a=USA&b=CHN&c=RUS&freq=month&period=2024-06")
    _wait(driver, _ready, "the overview's script did not run")
    edges = driver.find_elements("css selector", "#triangle g.edge-group")
    assert len(edges) == 3
    edge = next(e for e in edges if e.get_attribute("data-edge") == "RUS-USA")
    edge.find_element("css selector", "line.edge").click()
    _wait(driver, lambda d: "/dyad?" in d.current_url and _ready(d), "clicking the edge did not open its dyad")
    assert "a=RUS" in driver.current_url and "b=USA" in driver.current_url

    points = driver.find_elements("css selector", "#series circle.point")
    assert len(points) > 10
    point = next(p for p in points if p.get_attribute("data-period") == "2024-03")
    point.click()
    _wait(driver, lambda d: d.find_element("id", "period-heading").text == "Events of 2024-03"
          and d.find_elements("css selector", "#period-events a.event-link"), "the point's events did not load")
    link = driver.find_elements("css selector", "#period-events a.event-link")[0]
    assert link.text.startswith("2024-03-")
    link.click()
    _wait(driver, lambda d: "/events/" in d.current_url and _ready(d), "the event did not open")
    mark = driver.find_element("css selector", "#document mark#sentence")
    assert mark.is_displayed() and "synthetic sentence" in mark.text
    assert _errors(driver) == []


@pytest.mark.slow
def test_hostile_sentence_is_shown_as_text(server: str, browser) -> None:
    driver = browser
    driver.get(f"{server}/events/evil")
    _wait(driver, _ready, "the event page's script did not run")
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - no script from the article ran
    assert EVIL in driver.find_element("id", "sentence").text
    assert driver.find_elements("css selector", "#document script, #document img") == []
    assert _errors(driver) == []


@pytest.mark.slow
def test_search_form_filters_and_pages(server: str, browser) -> None:
    driver = browser
    driver.get(f"{server}/events")
    _wait(driver, _ready, "the events page did not load")
    driver.find_element("name", "actor").send_keys("USA")
    driver.find_element("css selector", "select[name=quad] option[value='4']").click()
    driver.find_element("css selector", "form.filters button").click()
    _wait(driver, lambda d: "quad=4" in d.current_url, "the search did not run")
    total = driver.find_element("id", "total").text
    assert "page 1 of" in total
    quads = {td.text for td in driver.find_elements("css selector", "table.events-table tbody tr td:nth-child(5)")}
    assert quads == {"4"}
    driver.find_element("css selector", "a[rel=next]").click()
    _wait(driver, lambda d: "page 2 of" in d.find_element("id", "total").text, "the next page did not open")
    assert _errors(driver) == []
