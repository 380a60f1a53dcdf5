"""Shared fixtures: paths to ../shared, a fresh store, a local HTTP server standing in for the web.

Tests that read ../shared (the seeds, the gold sets, the scorers) carry the `shared` marker; a test that
asks for the `seeds_dir` or `seeds` fixture gets it without saying so. Without ../shared beside the
checkout those tests are deselected and one line says so, so a fresh clone's `make test` passes on its
own. With MULTIPOLAR_REQUIRE_SHARED=1 (what `.ci/run` sets) ../shared must be there, every `shared` test
runs, and one skipped or left out fails the run.
"""

from __future__ import annotations

import os
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from local_server import serving

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_FIXTURES = frozenset({"seeds_dir", "seeds"})
REQUIRE_SHARED = "MULTIPOLAR_REQUIRE_SHARED"
_SHARED_OUTCOMES: dict[str, list[str]] = {"ran": [], "skipped": []}  # this process's reports of `shared` tests


def shared_path(*parts: str) -> Path:
    """A path under ../shared; a missing one fails the test (it never skips)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests read ../shared beside the checkout")
    return path


def _shared_present() -> bool:
    return SHARED.is_dir()


def _shared_required() -> bool:
    return os.environ.get(REQUIRE_SHARED, "") not in ("", "0")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "shared: reads ../shared beside the checkout (seeds, gold sets, scorers)")
    if _shared_required() and not _shared_present():
        raise pytest.UsageError(
            f"{REQUIRE_SHARED} is set but {SHARED} is missing: put the shared folder beside the checkout"
        )


def pytest_report_header(config: pytest.Config) -> str | None:
    return f"../shared: {SHARED.resolve()} (tests marked `shared` run)" if _shared_present() else None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _shared_present():
        terminalreporter.write_line(
            f"../shared not found beside the checkout ({SHARED}): the tests marked `shared` (seeds, gold sets) "
            "were deselected; put it there, or run .ci/run, to run them", yellow=True,
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.shared)
    if _shared_present():
        return
    kept = [item for item in items if item.get_closest_marker("shared") is None]
    deselected = [item for item in items if item.get_closest_marker("shared") is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "shared" not in report.keywords:
        return
    if report.skipped:
        _SHARED_OUTCOMES["skipped"].append(report.nodeid)
    elif report.when == "call":
        _SHARED_OUTCOMES["ran"].append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under MULTIPOLAR_REQUIRE_SHARED a `shared` test skipped, or none run at all, fails the run."""
    if not _shared_required() or hasattr(session.config, "workerinput"):  # the xdist controller judges
        return
    skipped = _SHARED_OUTCOMES["skipped"]
    problem = None
    if skipped:
        problem = f"{len(skipped)} test(s) marked `shared` were skipped, e.g. {skipped[0]}"
    elif not _SHARED_OUTCOMES["ran"] and session.testscollected:
        problem = "no test marked `shared` ran: .ci/run must run them all (no -m/-k that leaves them out)"
    if problem:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"{REQUIRE_SHARED}: {problem}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def store(tmp_path):
    from multipolar.store import Store

    with Store.open(tmp_path / "test.duckdb") as opened:
        yield opened


@pytest.fixture
def settings():
    from multipolar.settings import Settings

    return Settings()


class _Site:
    """Routes of the local test server: path -> (status, headers, body)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.hits: dict[str, int] = {}
        self.headers: dict[str, dict[str, str]] = {}

    def add(self, path: str, body: bytes | str, *, status: int = 200, content_type: str = "text/html; charset=utf-8",
            headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": content_type, **(headers or {})}, data)


@pytest.fixture
def web():
    site = _Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            site.headers[self.path] = dict(self.headers)
            status, headers, body = site.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    with serving(Handler) as base:
        site.base = base  # type: ignore[attr-defined]
        yield site
